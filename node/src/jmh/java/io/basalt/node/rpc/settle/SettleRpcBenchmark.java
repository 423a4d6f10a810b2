package io.basalt.node.rpc.settle;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.basalt.common.types.ShardId;
import io.basalt.node.rpc.RpcContext;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcParams;
import io.basalt.node.rpc.subscription.Subscription;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The settle_* handlers' own cost over in-memory records (no trie, no chain thread): a rollup with
 * 10,000 batches, the newest 1,000 unfinalized. {@code getStatus} is two binary searches; a
 * subscription update re-reads every watched batch (here the 1,000 open ones).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SettleRpcBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final RpcContext CONTEXT = new RpcContext(ShardId.of(0));
  private static final int BATCHES = 10_000;

  private final FakeSettlementData data = new FakeSettlementData();
  private SettleGetStatus status;
  private SettleGetBatch batch;
  private RpcParams rollupZero;
  private RpcParams newestBatch;
  private Subscription subscription;

  @Setup
  public void setUp() throws RpcException {
    data.rollup(0);
    for (int i = 0; i < BATCHES; i++) {
      data.commit(0, 10 + i);
    }
    data.view(BATCHES + 10, BATCHES + 10 - 1_000, BATCHES + 10 - 1_000);
    status = new SettleGetStatus(data);
    batch = new SettleGetBatch(data);
    rollupZero = RpcParams.of(JSON.valueToTree(List.of("0x0")));
    newestBatch =
        RpcParams.of(JSON.valueToTree(List.of("0x0", "0x" + Integer.toHexString(BATCHES - 1))));
    subscription =
        new SettlementSubscription(data, Runnable::run)
            .subscribe(CONTEXT, RpcParams.of(JSON.valueToTree(List.of())), result -> {});
  }

  @TearDown
  public void tearDown() {
    subscription.close();
  }

  @Benchmark
  public Object getStatus() throws RpcException {
    return status.execute(CONTEXT, rollupZero);
  }

  @Benchmark
  public Object getBatch() throws RpcException {
    return batch.execute(CONTEXT, newestBatch);
  }

  @Benchmark
  public void subscriptionUpdate(Blackhole hole) {
    data.fireHead();
    hole.consume(data.listeners.size());
  }
}
