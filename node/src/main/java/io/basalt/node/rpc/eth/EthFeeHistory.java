package io.basalt.node.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.execution.transaction.FeeMarket;
import io.basalt.node.rpc.BlockParameter;
import io.basalt.node.rpc.ParamTypes;
import io.basalt.node.rpc.RpcContext;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcHex;
import io.basalt.node.rpc.RpcMethod;
import io.basalt.node.rpc.RpcParams;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code eth_feeHistory}: base fees, gas used ratios and (if percentiles are given) tips of up to
 * {@link RpcLimits#MAX_FEE_HISTORY_BLOCKS} blocks ending at a block. Tip percentiles weigh each
 * transaction equally (Basalt's transfers use nearly the same gas).
 */
public final class EthFeeHistory implements RpcMethod {

  private final ShardRpcData data;

  public EthFeeHistory(ShardRpcData data) {
    this.data = data;
  }

  @Override
  public String name() {
    return "eth_feeHistory";
  }

  @Override
  public Object execute(RpcContext context, RpcParams params) throws RpcException {
    params.atMost(3);
    long count = blockCount(params.raw(0));
    BlockParameter newest = params.required(1, "newestBlock", ParamTypes.BLOCK);
    List<Double> percentiles = percentiles(params.raw(2));
    RpcBlock last =
        data.block(context.shard(), newest)
            .orElseThrow(() -> RpcException.server("header not found"));
    long oldest =
        Math.max(0, last.number() - Math.min(count, RpcLimits.MAX_FEE_HISTORY_BLOCKS) + 1);
    List<String> baseFees = new ArrayList<>();
    List<Double> ratios = new ArrayList<>();
    List<List<String>> rewards = new ArrayList<>();
    for (long n = oldest; n <= last.number() && count > 0; n++) {
      RpcBlock block =
          n == last.number()
              ? last
              : data.block(context.shard(), new BlockParameter.Number(n))
                  .orElseThrow(() -> RpcException.server("header not found"));
      baseFees.add(RpcHex.quantity(block.baseFeePerGas()));
      ratios.add(block.gasLimit() == 0 ? 0.0 : (double) block.gasUsed() / block.gasLimit());
      rewards.add(rewards(block, percentiles));
    }
    BigInteger next =
        last.number() == data.blockNumber(context.shard())
            ? data.pendingBaseFee(context.shard())
            : data.block(context.shard(), new BlockParameter.Number(last.number() + 1))
                .map(RpcBlock::baseFeePerGas)
                .orElse(last.baseFeePerGas());
    baseFees.add(RpcHex.quantity(next));
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("oldestBlock", RpcHex.quantity(count == 0 ? last.number() : oldest));
    json.put("baseFeePerGas", count == 0 ? List.of() : baseFees);
    json.put("gasUsedRatio", ratios);
    if (!percentiles.isEmpty()) {
      json.put("reward", rewards);
    }
    return json;
  }

  private static long blockCount(JsonNode node) throws RpcException {
    if (node.isMissingNode() || node.isNull()) {
      throw RpcException.invalidParams(0, "blockCount", "missing value");
    }
    if (node.isIntegralNumber() && node.canConvertToLong() && node.longValue() >= 0) {
      return node.longValue(); // geth also takes a plain number here
    }
    try {
      return ParamTypes.LONG_QUANTITY.parse(node);
    } catch (IllegalArgumentException e) {
      throw RpcException.invalidParams(0, "blockCount", e.getMessage());
    }
  }

  private static List<Double> percentiles(JsonNode node) throws RpcException {
    List<Double> percentiles = new ArrayList<>();
    if (node.isMissingNode() || node.isNull()) {
      return percentiles;
    }
    if (!node.isArray()) {
      throw RpcException.invalidParams(2, "rewardPercentiles", "want an array of numbers");
    }
    double previous = 0;
    for (JsonNode p : node) {
      if (!p.isNumber() || p.doubleValue() < previous || p.doubleValue() > 100) {
        throw RpcException.invalidParams(
            2, "rewardPercentiles", "want increasing numbers in [0, 100]");
      }
      previous = p.doubleValue();
      percentiles.add(previous);
    }
    return percentiles;
  }

  private static List<String> rewards(RpcBlock block, List<Double> percentiles) {
    List<BigInteger> tips =
        block.transactions().stream()
            .map(
                tx ->
                    FeeMarket.effectivePriorityFee(tx.tx(), block.baseFeePerGas())
                        .orElse(BigInteger.ZERO))
            .sorted()
            .toList();
    List<String> rewards = new ArrayList<>();
    for (double p : percentiles) {
      if (tips.isEmpty()) {
        rewards.add("0x0");
      } else {
        int i = (int) Math.min(tips.size() - 1, Math.floor(p / 100 * tips.size()));
        rewards.add(RpcHex.quantity(tips.get(i)));
      }
    }
    return rewards;
  }
}
