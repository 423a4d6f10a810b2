package io.basalt.execution.contracts;

import io.basalt.execution.abi.AbiDecodingException;
import io.basalt.execution.abi.AbiFunction;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.apache.tuweni.bytes.Bytes;

/**
 * Routes calldata to a contract's functions by selector, as Solidity's dispatcher does: unknown
 * selectors, value sent to non-payable functions and undecodable arguments revert with a reason.
 */
final class Dispatcher {

  /** A function's Java body. */
  @FunctionalInterface
  interface Body {
    ContractResult run(CallContext context, List<Object> arguments) throws RevertException;
  }

  private record Method(
      AbiFunction function, boolean payable, ToLongFunction<Bytes> gas, Body body) {}

  private final Map<Bytes, Method> methods = new HashMap<>();

  Dispatcher add(AbiFunction function, boolean payable, long gas, Body body) {
    return add(function, payable, calldata -> gas, body);
  }

  /**
   * Adds a function whose gas depends on its calldata ({@code gas} receives the whole calldata and
   * must not throw: undecodable calldata gets a fixed charge).
   */
  Dispatcher add(AbiFunction function, boolean payable, ToLongFunction<Bytes> gas, Body body) {
    if (methods.put(function.selector(), new Method(function, payable, gas, body)) != null) {
      throw new IllegalArgumentException("selector clash: " + function.signature());
    }
    return this;
  }

  long gas(Bytes calldata) {
    Method method = find(calldata);
    return method == null ? SystemGas.DISPATCH_FAILURE : method.gas().applyAsLong(calldata);
  }

  ContractResult dispatch(CallContext context, Bytes calldata) {
    if (calldata.size() < AbiFunction.SELECTOR_SIZE) {
      return ContractResult.reverted(
          "calldata of " + calldata.size() + " bytes has no function selector");
    }
    Method method = find(calldata);
    if (method == null) {
      return ContractResult.reverted(
          "unknown function selector " + calldata.slice(0, AbiFunction.SELECTOR_SIZE));
    }
    if (!method.payable() && context.value().signum() != 0) {
      return ContractResult.reverted(method.function().name() + " is not payable");
    }
    try {
      List<Object> arguments =
          method.function().decodeArguments(calldata.slice(AbiFunction.SELECTOR_SIZE));
      return method.body().run(context, arguments);
    } catch (AbiDecodingException e) {
      return ContractResult.reverted(e.getMessage());
    } catch (RevertException e) {
      return ContractResult.reverted(e.getMessage());
    }
  }

  private Method find(Bytes calldata) {
    if (calldata.size() < AbiFunction.SELECTOR_SIZE) {
      return null;
    }
    return methods.get(calldata.slice(0, AbiFunction.SELECTOR_SIZE));
  }
}
