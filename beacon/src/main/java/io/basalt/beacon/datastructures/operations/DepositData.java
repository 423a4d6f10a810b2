package io.basalt.beacon.datastructures.operations;

import static io.basalt.common.ssz.Field.field;

import io.basalt.common.ssz.ContainerSchema;
import io.basalt.common.ssz.SszTypes;
import io.basalt.common.types.Address;
import io.basalt.common.types.Gwei;
import io.basalt.consensus.types.ConsensusSsz;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.bytes.Bytes48;

/**
 * A deposit: a validator key, where its stake is withdrawn to, the amount, and the key's signature
 * over the {@link DepositMessage}. Withdrawal credentials are always the address form {@code 0x01 ‖
 * 11 zero bytes ‖ address}.
 */
public record DepositData(
    Bytes48 pubkey, Bytes32 withdrawalCredentials, Gwei amount, Bytes signature) {

  /** The first byte of address withdrawal credentials. */
  public static final byte ADDRESS_WITHDRAWAL_PREFIX = 0x01;

  public static final ContainerSchema<DepositData> SSZ =
      ContainerSchema.ofRecord(
          DepositData.class,
          field("pubkey", ConsensusSsz.BLS_PUBKEY, DepositData::pubkey),
          field("withdrawalCredentials", SszTypes.BYTES32, DepositData::withdrawalCredentials),
          field("amount", SszTypes.GWEI, DepositData::amount),
          field("signature", ConsensusSsz.BLS_SIGNATURE, DepositData::signature));

  public DepositData {
    Objects.requireNonNull(pubkey, "pubkey");
    Objects.requireNonNull(withdrawalCredentials, "withdrawalCredentials");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(signature, "signature");
  }

  /** {@code 0x01 ‖ 0x00 * 11 ‖ address}. */
  public static Bytes32 withdrawalCredentials(Address address) {
    byte[] credentials = new byte[32];
    credentials[0] = ADDRESS_WITHDRAWAL_PREFIX;
    System.arraycopy(address.bytes().toArrayUnsafe(), 0, credentials, 12, Address.SIZE);
    return Bytes32.wrap(credentials);
  }

  /** The signed part of this deposit. */
  public DepositMessage message() {
    return new DepositMessage(pubkey, withdrawalCredentials, amount);
  }

  public Bytes32 hashTreeRoot() {
    return SSZ.hashTreeRoot(this);
  }
}
