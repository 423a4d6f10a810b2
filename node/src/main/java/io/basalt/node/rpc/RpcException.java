package io.basalt.node.rpc;

/**
 * A JSON-RPC error object to send back: {@code code}, {@code message} and optional {@code data}.
 * The factories name the standard codes; the message says what was wrong in the words an Ethereum
 * client expects.
 */
public final class RpcException extends Exception {

  public static final int PARSE_ERROR = -32700;
  public static final int INVALID_REQUEST = -32600;
  public static final int METHOD_NOT_FOUND = -32601;
  public static final int INVALID_PARAMS = -32602;
  public static final int INTERNAL_ERROR = -32603;

  /** Ethereum's server-error family: transaction rejections, limits, missing state. */
  public static final int SERVER_ERROR = -32000;

  /** {@code eth_call}/{@code eth_estimateGas} of a call that reverted (with the revert data). */
  public static final int EXECUTION_REVERTED = 3;

  private final int code;
  private final transient Object data;

  public RpcException(int code, String message) {
    this(code, message, null);
  }

  public RpcException(int code, String message, Object data) {
    super(message, null, false, false);
    this.code = code;
    this.data = data;
  }

  public static RpcException parseError(String why) {
    return new RpcException(PARSE_ERROR, "parse error: " + why);
  }

  public static RpcException invalidRequest(String why) {
    return new RpcException(INVALID_REQUEST, "invalid request: " + why);
  }

  public static RpcException methodNotFound(String method) {
    return new RpcException(
        METHOD_NOT_FOUND, "the method " + method + " does not exist/is not available");
  }

  /** Invalid params, naming the parameter by position and name. */
  public static RpcException invalidParams(int index, String name, String why) {
    return new RpcException(
        INVALID_PARAMS, "invalid argument " + index + " (" + name + "): " + why);
  }

  public static RpcException invalidParams(String why) {
    return new RpcException(INVALID_PARAMS, "invalid params: " + why);
  }

  public static RpcException internal(String why) {
    return new RpcException(INTERNAL_ERROR, "internal error: " + why);
  }

  /** A -32000 error with an Ethereum-style message, e.g. {@code nonce too low}. */
  public static RpcException server(String message) {
    return new RpcException(SERVER_ERROR, message);
  }

  public int code() {
    return code;
  }

  /** The error's {@code data} member, or {@code null} for none. */
  public Object data() {
    return data;
  }
}
