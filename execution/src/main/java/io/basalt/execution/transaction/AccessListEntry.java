package io.basalt.execution.transaction;

import io.basalt.common.types.Address;
import java.util.List;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes32;

/**
 * One entry of an EIP-2930 access list, which EIP-1559 transactions carry: an address and storage
 * keys the transaction declares it will touch. Basalt has no contract storage yet, but the list is
 * kept (it is signed and hashed) and charged as Ethereum charges it.
 */
public record AccessListEntry(Address address, List<Bytes32> storageKeys) {

  public AccessListEntry {
    Objects.requireNonNull(address, "address");
    storageKeys = List.copyOf(storageKeys);
  }
}
