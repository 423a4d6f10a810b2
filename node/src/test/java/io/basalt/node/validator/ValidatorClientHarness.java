package io.basalt.node.validator;

import io.basalt.common.crypto.bls.BlsSecretKey;
import io.basalt.common.crypto.bls.InteropKeys;
import io.basalt.common.types.Slot;
import io.basalt.node.validator.doppelganger.DoppelgangerConfig;
import io.basalt.node.validator.keys.ValidatorKey;
import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes32;

/** A client over a {@link ChainNodeApi}, driven slot by slot as the node's slot timer would. */
final class ValidatorClientHarness {

  static final int VALIDATORS = 64;
  private static final List<ValidatorKey> INTEROP = interopKeys(VALIDATORS);

  final ChainNodeApi api = new ChainNodeApi();
  final MapSlashingProtection protection;
  final CountingMetrics metrics = new CountingMetrics();
  final ValidatorClient client;

  ValidatorClientHarness(DoppelgangerConfig doppelganger) {
    this(doppelganger, new MapSlashingProtection(), Bytes32.ZERO);
  }

  ValidatorClientHarness(
      DoppelgangerConfig doppelganger, MapSlashingProtection protection, Bytes32 graffiti) {
    this.protection = protection;
    this.client = new ValidatorClient(api, INTEROP, protection, doppelganger, graffiti, metrics);
  }

  /** Interop keys 0 .. count-1: validator {@code i} of the interop genesis holds key {@code i}. */
  static List<ValidatorKey> interopKeys(int count) {
    List<ValidatorKey> keys = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      keys.add(key(i));
    }
    return keys;
  }

  static ValidatorKey key(long index) {
    BlsSecretKey secret = InteropKeys.secretKey(index);
    return new ValidatorKey(secret, secret.publicKey());
  }

  /** One slot: start, attestation and aggregation, in order. */
  void runSlot(long slot) {
    Slot s = Slot.of(slot);
    api.tick(s);
    client.onSlotStart(s);
    client.onAttestationDue(s);
    client.onAggregationDue(s);
  }

  void runSlots(long from, long to) {
    for (long slot = from; slot <= to; slot++) {
      runSlot(slot);
    }
  }
}
