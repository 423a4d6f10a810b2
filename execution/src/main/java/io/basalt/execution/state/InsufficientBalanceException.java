package io.basalt.execution.state;

import io.basalt.common.types.Address;

/** A debit larger than the balance of the account: balances never go negative. */
public final class InsufficientBalanceException extends Exception {

  private final Address address;
  private final Wei balance;
  private final Wei requested;

  public InsufficientBalanceException(Address address, Wei balance, Wei requested) {
    super("Account " + address + " has " + balance + ", cannot debit " + requested);
    this.address = address;
    this.balance = balance;
    this.requested = requested;
  }

  public Address address() {
    return address;
  }

  public Wei balance() {
    return balance;
  }

  public Wei requested() {
    return requested;
  }
}
