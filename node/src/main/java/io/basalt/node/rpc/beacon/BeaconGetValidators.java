package io.basalt.node.rpc.beacon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.state.RegistryColumns;
import io.basalt.common.types.Epoch;
import io.basalt.node.rpc.ParamType;
import io.basalt.node.rpc.ParamTypes;
import io.basalt.node.rpc.RpcContext;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcMethod;
import io.basalt.node.rpc.RpcParams;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;

/**
 * {@code beacon_getValidators([{statuses?, ids?, offset?, limit?, stateId?}])}: the validators of a
 * state (default {@code head}) that match every given filter, in index order, one page at a time.
 * {@code statuses} takes beacon API status names or their groups ({@code active}, {@code pending},
 * {@code exited}, {@code withdrawal}); {@code ids} takes indices and public keys (unknown ones are
 * skipped, as the beacon API does). Result: {@code {validators, total, next_offset}}, where {@code
 * total} counts every match and {@code next_offset} is {@code null} on the last page.
 */
public final class BeaconGetValidators implements RpcMethod {

  /** Default page size. */
  public static final int DEFAULT_LIMIT = 100;

  /** The largest page a request may ask for. */
  public static final int MAX_LIMIT = 1000;

  private static final String PARAM = "filter";

  private final BeaconRpcData data;

  public BeaconGetValidators(BeaconRpcData data) {
    this.data = data;
  }

  @Override
  public String name() {
    return "beacon_getValidators";
  }

  @Override
  public Object execute(RpcContext context, RpcParams params) throws RpcException {
    JsonNode filter =
        params
            .atMost(1)
            .optional(0, PARAM, ParamTypes.OBJECT)
            .orElse(JsonNodeFactory.instance.objectNode());
    checkFields(filter);
    List<String> statuses = statuses(filter.get("statuses"));
    List<ValidatorId> ids = list(filter.get("ids"), "ids", ValidatorId.PARAM);
    int offset = field(filter, "offset").orElse(0);
    int limit = field(filter, "limit").orElse(DEFAULT_LIMIT);
    if (limit > MAX_LIMIT) {
      throw RpcException.invalidParams(
          0, PARAM, "limit " + limit + " is over the maximum page size " + MAX_LIMIT);
    }
    StateId stateId =
        filter.hasNonNull("stateId")
            ? parse(filter.get("stateId"), "stateId", StateId.PARAM)
            : StateId.HEAD;
    Optional<BeaconState> found = data.state(stateId);
    if (found.isEmpty()) {
      return null;
    }
    BeaconState state = found.get();
    Epoch epoch = ValidatorEntries.epochOf(state, data.config().slotsPerEpoch());
    Iterator<Integer> candidates = candidates(state, ids);
    // One walk of the registry for the statuses, instead of a Validator built per entry.
    RegistryColumns columns = statuses.isEmpty() ? null : RegistryColumns.of(state);
    List<Object> page = new ArrayList<>();
    long total = 0;
    while (candidates.hasNext()) {
      int index = candidates.next();
      if (!statuses.isEmpty()) {
        ValidatorStatus status = ValidatorStatus.of(columns, index, epoch.value().longValue());
        if (statuses.stream().noneMatch(status::matches)) {
          continue;
        }
      }
      if (total >= offset && page.size() < limit) {
        page.add(ValidatorEntries.entry(state, index, epoch));
      }
      total++;
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("validators", page);
    result.put("total", Long.toString(total));
    long next = (long) offset + page.size();
    result.put("next_offset", next < total ? Long.toString(next) : null);
    return result;
  }

  private static Iterator<Integer> candidates(BeaconState state, List<ValidatorId> ids) {
    if (ids.isEmpty()) {
      long size = state.validators().size();
      return java.util.stream.IntStream.range(0, (int) size).iterator();
    }
    TreeSet<Integer> indices = new TreeSet<>();
    for (ValidatorId id : ids) {
      OptionalInt index = id.resolve(state);
      index.ifPresent(indices::add);
    }
    return indices.iterator();
  }

  private static void checkFields(JsonNode filter) throws RpcException {
    Iterator<String> names = filter.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!List.of("statuses", "ids", "offset", "limit", "stateId").contains(name)) {
        throw RpcException.invalidParams(
            0, PARAM, "unknown field '" + BeaconParams.abbreviate(name) + "'");
      }
    }
  }

  private static List<String> statuses(JsonNode node) throws RpcException {
    List<String> statuses = list(node, "statuses", ParamTypes.STRING);
    for (String status : statuses) {
      if (!ValidatorStatus.isKnownFilter(status)) {
        throw RpcException.invalidParams(
            0, PARAM, "statuses: unknown status '" + BeaconParams.abbreviate(status) + "'");
      }
    }
    return statuses;
  }

  private static Optional<Integer> field(JsonNode filter, String name) throws RpcException {
    JsonNode node = filter.get(name);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    return Optional.of(parse(node, name, BeaconParams.INDEX));
  }

  private static <T> List<T> list(JsonNode node, String name, ParamType<T> type)
      throws RpcException {
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw RpcException.invalidParams(0, PARAM, name + ": want an array");
    }
    if (node.size() > MAX_LIMIT) {
      throw RpcException.invalidParams(
          0, PARAM, name + ": " + node.size() + " entries, at most " + MAX_LIMIT);
    }
    List<T> out = new ArrayList<>();
    for (JsonNode element : node) {
      out.add(parse(element, name, type));
    }
    return out;
  }

  private static <T> T parse(JsonNode node, String name, ParamType<T> type) throws RpcException {
    try {
      return type.parse(node);
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw RpcException.invalidParams(0, PARAM, name + ": " + e.getMessage());
    }
  }
}
