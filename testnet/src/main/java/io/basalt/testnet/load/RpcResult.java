package io.basalt.testnet.load;

import java.util.Optional;

/**
 * The outcome of one JSON-RPC call: the result as text, or the error object's code and message
 * (code {@link #TRANSPORT} when no JSON-RPC answer came at all).
 */
public record RpcResult(Optional<String> result, int errorCode, String errorMessage) {

  /** Not a JSON-RPC error: the request failed or the answer was not JSON-RPC. */
  public static final int TRANSPORT = 0;

  public static RpcResult ok(String result) {
    return new RpcResult(Optional.of(result), 0, "");
  }

  public static RpcResult error(int code, String message) {
    return new RpcResult(Optional.empty(), code, message);
  }

  public boolean isOk() {
    return result.isPresent();
  }
}
