package io.basalt.node.rpc.beacon;

import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.state.Validator;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.Gwei;
import java.util.LinkedHashMap;
import java.util.Map;

/** One validator of a state as the beacon API's validator endpoints write it. */
final class ValidatorEntries {

  private ValidatorEntries() {}

  /** The epoch of {@code state}, at which statuses are judged. */
  static Epoch epochOf(BeaconState state, int slotsPerEpoch) {
    return Epoch.of(state.slot().value().longValue() / slotsPerEpoch);
  }

  /** {@code {index, balance, status, validator: {...}}}. */
  static Map<String, Object> entry(BeaconState state, int index, Epoch epoch) {
    Validator validator = state.validators().get(index);
    Gwei balance = state.balances().get(index);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("index", Integer.toString(index));
    out.put("balance", BeaconJson.of(balance));
    out.put("status", ValidatorStatus.of(validator, balance, epoch).apiName());
    out.put("validator", BeaconJson.of(validator));
    return out;
  }
}
