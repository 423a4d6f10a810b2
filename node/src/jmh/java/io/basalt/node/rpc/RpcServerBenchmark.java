package io.basalt.node.rpc;

import io.basalt.node.genesis.DevAccount;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

/**
 * JSON-RPC over real sockets against an in-process node (1-second slots, 2 shards): requests per
 * second with 64 concurrent connections (64 JMH threads, each its own HTTP client and connection),
 * and {@code eth_sendRawTransaction} transfers accepted into the pool per second (pre-signed, one
 * sender account per thread; the {@code accepted} counter, rejections such as a full per-sender
 * queue count as {@code rejected}).
 *
 * <p>{@code ./bench node RpcServerBenchmark -f 1 -wi 1 -w 5s -i 3 -r 5s}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(64)
public class RpcServerBenchmark {

  static final int CONNECTIONS = 64;

  /** Transfers each sender signs up front (the per-sender pool limit is 64 pending). */
  static final int TRANSFERS_PER_SENDER = 400;

  @State(Scope.Benchmark)
  public static class NodeState {
    RpcTestNode node;
    final AtomicInteger nextSender = new AtomicInteger();

    @Setup(Level.Trial)
    public void start() throws Exception {
      node = RpcTestNode.start(CONNECTIONS);
      Thread.sleep(5_000); // past genesis, a few blocks in
    }

    @TearDown(Level.Trial)
    public void stop() {
      node.node.close();
    }
  }

  @State(Scope.Thread)
  public static class Connection {
    HttpClient client;
    HttpRequest blockNumber;
    HttpRequest balance;
    final Deque<HttpRequest> transfers = new ArrayDeque<>();

    @Setup(Level.Trial)
    public void open(NodeState state) throws Exception {
      client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      URI uri = URI.create(state.node.shardUrl(0));
      DevAccount account = state.node.accounts.get(state.nextSender.getAndIncrement());
      blockNumber = post(uri, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_blockNumber\"}");
      balance =
          post(
              uri,
              "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_getBalance\",\"params\":[\""
                  + account.address().toHexString()
                  + "\",\"latest\"]}");
      long chainId = 7612900;
      Credentials credentials = Credentials.create(account.privateKey());
      BigInteger gwei = BigInteger.TEN.pow(9);
      for (int nonce = 0; nonce < TRANSFERS_PER_SENDER; nonce++) {
        RawTransaction tx =
            RawTransaction.createEtherTransaction(
                chainId,
                BigInteger.valueOf(nonce),
                BigInteger.valueOf(21_000),
                "0x000000000000000000000000000000000000dead",
                BigInteger.ONE,
                gwei,
                gwei.multiply(BigInteger.valueOf(100)));
        String raw = Numeric.toHexString(TransactionEncoder.signMessage(tx, credentials));
        transfers.add(
            post(
                uri,
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_sendRawTransaction\",\"params\":[\""
                    + raw
                    + "\"]}"));
      }
    }

    private static HttpRequest post(URI uri, String body) {
      return HttpRequest.newBuilder(uri)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body))
          .build();
    }

    String send(HttpRequest request) throws Exception {
      return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }
  }

  /** Accepted and rejected transfers, reported per second. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Outcomes {
    public long accepted;
    public long rejected;
  }

  @Benchmark
  public String ethBlockNumber(NodeState node, Connection connection) throws Exception {
    return connection.send(connection.blockNumber);
  }

  @Benchmark
  public String ethGetBalance(NodeState node, Connection connection) throws Exception {
    return connection.send(connection.balance);
  }

  @Benchmark
  public String ethSendRawTransaction(NodeState node, Connection connection, Outcomes outcomes)
      throws Exception {
    HttpRequest next = connection.transfers.poll();
    if (next == null) {
      Thread.sleep(1); // this sender's transfers are all sent
      return "";
    }
    String response = connection.send(next);
    if (response.contains("\"result\"")) {
      outcomes.accepted++;
    } else {
      outcomes.rejected++;
    }
    return response;
  }
}
