package io.basalt.execution.state;

import java.math.BigInteger;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * One entry of {@code eth_getProof}'s {@code storageProof}: a storage slot, its value and the proof
 * against the account's storage root. Basalt has no contract storage yet, so account proofs carry
 * none; the type fixes the shape for when it does.
 */
public record StorageProof(Bytes32 key, BigInteger value, List<Bytes> proof) {

  public StorageProof {
    proof = List.copyOf(proof);
  }
}
