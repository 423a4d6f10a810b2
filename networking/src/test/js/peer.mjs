// A js-libp2p peer driven over stdin/stdout by Basalt's interoperability tests.
// Output: one JSON object per line. Input: one command per line:
//   dial <multiaddr> | ping <multiaddr> | subscribe <topic> | publish <topic> <hex> |
//   meshpeers <topic> | peers | stop
import { createHash } from 'node:crypto'
import { createInterface } from 'node:readline'

// libp2p 3.x uses Promise.withResolvers (Node >= 22); this machine's Node may be 20.
if (typeof Promise.withResolvers !== 'function') {
  Promise.withResolvers = function withResolvers () {
    let resolve, reject
    const promise = new Promise((res, rej) => { resolve = res; reject = rej })
    return { promise, resolve, reject }
  }
}

const { createLibp2p } = await import('libp2p')
const { tcp } = await import('@libp2p/tcp')
const { noise } = await import('@chainsafe/libp2p-noise')
const { yamux } = await import('@chainsafe/libp2p-yamux')
const { gossipsub } = await import('@libp2p/gossipsub')
const { identify } = await import('@libp2p/identify')
const { ping } = await import('@libp2p/ping')
const { multiaddr } = await import('@multiformats/multiaddr')

const emit = (event) => process.stdout.write(JSON.stringify(event) + '\n')
const toHex = (bytes) => Buffer.from(bytes).toString('hex')

const node = await createLibp2p({
  addresses: { listen: ['/ip4/127.0.0.1/tcp/0'] },
  transports: [tcp()],
  connectionEncrypters: [noise()],
  streamMuxers: [yamux()],
  services: {
    identify: identify(),
    ping: ping(),
    pubsub: gossipsub({
      globalSignaturePolicy: 'StrictNoSign',
      // Basalt's message id (MessageIdFunction.sha256OfData): the full 32-byte SHA-256 of the
      // data, the same as gossipsub's StrictNoSign default; set explicitly so a default change
      // upstream cannot silently split the id spaces.
      msgIdFn: (message) => new Uint8Array(createHash('sha256').update(message.data).digest()),
      // Ids are reported as hex in the `message` events so the test can compare them.
      msgIdToStrFn: (id) => Buffer.from(id).toString('hex'),
      allowPublishToZeroTopicPeers: true,
      emitSelf: false
    })
  }
})

node.addEventListener('peer:connect', (evt) => emit({ event: 'connected', peer: evt.detail.toString() }))
node.addEventListener('peer:identify', (evt) => emit({
  event: 'identified',
  peer: evt.detail.peerId.toString(),
  protocols: evt.detail.protocols,
  agentVersion: evt.detail.agentVersion ?? null
}))
node.services.pubsub.addEventListener('gossipsub:message', (evt) => emit({
  event: 'message',
  from: evt.detail.propagationSource.toString(),
  msgId: evt.detail.msgId,
  topic: evt.detail.msg.topic,
  data: toHex(evt.detail.msg.data)
}))
node.services.pubsub.addEventListener('subscription-change', (evt) => emit({
  event: 'subscription', peer: evt.detail.peerId.toString(),
  topics: evt.detail.subscriptions.filter((s) => s.subscribe).map((s) => s.topic)
}))

emit({
  event: 'ready',
  peerId: node.peerId.toString(),
  addresses: node.getMultiaddrs().map((ma) => ma.toString())
})

const commands = {
  async dial ([address]) {
    const connection = await node.dial(multiaddr(address))
    return { peer: connection.remotePeer.toString() }
  },
  async ping ([address]) {
    return { rttMs: await node.services.ping.ping(multiaddr(address)) }
  },
  async subscribe ([topic]) {
    node.services.pubsub.subscribe(topic)
    return { topic }
  },
  async publish ([topic, hex]) {
    const result = await node.services.pubsub.publish(topic, Buffer.from(hex, 'hex'))
    return { recipients: result.recipients.map((p) => p.toString()) }
  },
  async meshpeers ([topic]) {
    return { peers: node.services.pubsub.getMeshPeers(topic).map((p) => p.toString()) }
  },
  async peers () {
    return { peers: node.getPeers().map((p) => p.toString()) }
  },
  async stop () {
    await node.stop()
    emit({ event: 'stopped' })
    process.exit(0)
  }
}

for await (const line of createInterface({ input: process.stdin })) {
  const [name, ...args] = line.trim().split(/\s+/)
  if (!name) continue
  const command = commands[name]
  if (!command) {
    emit({ event: 'error', command: name, error: 'unknown command' })
    continue
  }
  try {
    emit({ event: 'done', command: name, ...(await command(args)) })
  } catch (error) {
    emit({ event: 'error', command: name, error: String(error?.message ?? error) })
  }
}
await node.stop()
