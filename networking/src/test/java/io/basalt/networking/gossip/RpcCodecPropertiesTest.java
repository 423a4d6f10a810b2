package io.basalt.networking.gossip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.apache.tuweni.bytes.Bytes;

/** Round trips of random RPCs, and malformed input yielding only the typed error. */
class RpcCodecPropertiesTest {

  private static Arbitrary<Bytes> bytes() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(40).map(Bytes::wrap);
  }

  private static Arbitrary<String> topics() {
    return Arbitraries.strings().ofMaxLength(20);
  }

  private static Arbitrary<MessageId> ids() {
    return bytes().map(MessageId::new);
  }

  private static Arbitrary<PubMessage> messages() {
    return Combinators.combine(
            bytes().optional(),
            bytes(),
            bytes().optional(),
            topics(),
            bytes().optional(),
            bytes().optional())
        .as(PubMessage::new);
  }

  private static Arbitrary<Rpc.Control> controls() {
    Arbitrary<Rpc.IHave> ihave =
        Combinators.combine(topics(), ids().list().ofMaxSize(5)).as(Rpc.IHave::new);
    Arbitrary<Rpc.IWant> iwant = ids().list().ofMaxSize(5).map(Rpc.IWant::new);
    Arbitrary<Rpc.Graft> graft = topics().map(Rpc.Graft::new);
    Arbitrary<Rpc.PeerInfo> info =
        Combinators.combine(bytes().optional(), bytes().optional()).as(Rpc.PeerInfo::new);
    Arbitrary<Rpc.Prune> prune =
        Combinators.combine(topics(), info.list().ofMaxSize(3), Arbitraries.longs().optional())
            .as(Rpc.Prune::new);
    return Combinators.combine(
            ihave.list().ofMaxSize(3),
            iwant.list().ofMaxSize(3),
            graft.list().ofMaxSize(3),
            prune.list().ofMaxSize(3))
        .as(Rpc.Control::new);
  }

  @Provide
  Arbitrary<Rpc> rpcs() {
    Arbitrary<Rpc.SubOpts> sub =
        Combinators.combine(Arbitraries.of(true, false), topics()).as(Rpc.SubOpts::new);
    return Combinators.combine(sub.list().ofMaxSize(4), messages().list().ofMaxSize(4), controls())
        .as(Rpc::new);
  }

  @Property(tries = 300)
  void encodeThenDecodeIsIdentity(@ForAll("rpcs") Rpc rpc) throws RpcDecodeException {
    assertThat(RpcCodec.decode(RpcCodec.encode(rpc), RpcLimits.DEFAULT)).isEqualTo(rpc);
  }

  @Property(tries = 300)
  void everyTruncationDecodesOrFailsTyped(@ForAll("rpcs") Rpc rpc) {
    byte[] full = RpcCodec.encode(rpc);
    for (int length = 0; length < full.length; length++) {
      byte[] prefix = java.util.Arrays.copyOf(full, length);
      decodeOrTypedError(prefix);
    }
  }

  @Property(tries = 1_000)
  void randomBytesDecodeOrFailTyped(@ForAll @Size(max = 200) byte[] frame) {
    decodeOrTypedError(frame);
  }

  @Property(tries = 500)
  void mutatedFramesDecodeOrFailTyped(
      @ForAll("rpcs") Rpc rpc, @ForAll int position, @ForAll byte value) {
    byte[] frame = RpcCodec.encode(rpc);
    if (frame.length > 0) {
      frame[Math.floorMod(position, frame.length)] = value;
    }
    decodeOrTypedError(frame);
  }

  /** Any outcome but an exception other than {@link RpcDecodeException} is acceptable. */
  private static void decodeOrTypedError(byte[] frame) {
    try {
      Rpc rpc = RpcCodec.decode(frame, RpcLimits.DEFAULT);
      assertThat(rpc).isNotNull();
    } catch (RpcDecodeException e) {
      assertThat(e.reason()).isNotNull();
    }
  }

  @Property(tries = 50)
  void emptyOptionalsAreOmitted(@ForAll("rpcs") Rpc rpc) {
    List<PubMessage> unsigned =
        rpc.messages().stream().map(m -> PubMessage.unsigned(m.topic(), m.data())).toList();
    byte[] encoded = RpcCodec.encode(Rpc.ofMessages(unsigned));
    int expected =
        unsigned.stream()
            .mapToInt(m -> RpcCodec.encodeMessage(m).length)
            .map(n -> 1 + com.google.protobuf.CodedOutputStream.computeUInt32SizeNoTag(n) + n)
            .sum();
    assertThat(encoded).hasSize(expected);
    assertThat(Optional.of(unsigned).map(List::size)).contains(rpc.messages().size());
  }
}
