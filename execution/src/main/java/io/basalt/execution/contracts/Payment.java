package io.basalt.execution.contracts;

import io.basalt.common.types.Address;
import io.basalt.execution.state.Wei;
import java.util.Objects;

/** Value a contract pays out of its own account's balance to {@code to} when its call succeeds. */
public record Payment(Address to, Wei amount) {
  public Payment {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(amount, "amount");
  }
}
