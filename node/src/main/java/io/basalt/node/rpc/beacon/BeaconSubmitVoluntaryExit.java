package io.basalt.node.rpc.beacon;

import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.beacon.datastructures.operations.SignedVoluntaryExit;
import io.basalt.beacon.datastructures.operations.VoluntaryExit;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.node.rpc.ParamType;
import io.basalt.node.rpc.RpcContext;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcMethod;
import io.basalt.node.rpc.RpcParams;
import java.util.Optional;

/**
 * {@code beacon_submitVoluntaryExit(signedExit)}: a signed voluntary exit in beacon API JSON
 * ({@code {message: {epoch, validator_index}, signature}}), validated as the beacon chain would,
 * then pooled for the next block and gossiped. Result {@code true}; a refusal is a -32000 error
 * with the reason.
 */
public final class BeaconSubmitVoluntaryExit implements RpcMethod {

  /** Parses the beacon API JSON of a signed voluntary exit. */
  static final ParamType<SignedVoluntaryExit> EXIT =
      node -> {
        if (!node.isObject()) {
          throw new IllegalArgumentException("want an object {message, signature}");
        }
        JsonNode message = node.get("message");
        if (message == null || !message.isObject()) {
          throw new IllegalArgumentException("message: want an object {epoch, validator_index}");
        }
        JsonNode epoch = message.get("epoch");
        JsonNode index = message.get("validator_index");
        JsonNode signature = node.get("signature");
        if (epoch == null || index == null || signature == null) {
          throw new IllegalArgumentException(
              "want message.epoch, message.validator_index and signature");
        }
        return new SignedVoluntaryExit(
            new VoluntaryExit(
                new Epoch(field("message.epoch", epoch)),
                new ValidatorIndex(field("message.validator_index", index))),
            BeaconParams.fixedHex(signature, 96, "signature"));
      };

  private final BeaconRpcData data;

  public BeaconSubmitVoluntaryExit(BeaconRpcData data) {
    this.data = data;
  }

  @Override
  public String name() {
    return "beacon_submitVoluntaryExit";
  }

  @Override
  public Object execute(RpcContext context, RpcParams params) throws RpcException {
    SignedVoluntaryExit exit = params.atMost(1).required(0, "signedVoluntaryExit", EXIT);
    Optional<String> refusal = data.submitVoluntaryExit(exit);
    if (refusal.isPresent()) {
      throw RpcException.server("voluntary exit refused: " + refusal.get());
    }
    return true;
  }

  private static io.basalt.common.types.UInt64 field(String name, JsonNode node) {
    try {
      return BeaconParams.UINT64.parse(node);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + ": " + e.getMessage());
    }
  }
}
