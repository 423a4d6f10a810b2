package io.basalt.node.validator.slashing;

import static io.basalt.node.validator.slashing.SlashingProtectionSchema.SIGNED_ATTESTATIONS;

import io.basalt.common.types.UInt64;
import io.basalt.storage.ColumnEntry;
import io.basalt.storage.KvStoreReader;
import java.util.Optional;
import java.util.function.Function;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.bytes.Bytes48;

/**
 * The attestation rules (consensus-specs validator.md "slashing conditions", EIP-3076): no source
 * after its target, no double vote (same target, other message), no vote surrounding or surrounded
 * by a signed one, nothing below the low watermarks. Re-signing the identical attestation (same
 * source, target and known signing root) is allowed.
 */
final class AttestationRules {

  private AttestationRules() {}

  /** Why signing the attestation is refused, or empty when it is safe. */
  static Optional<String> check(
      KvStoreReader reader,
      Bytes48 validator,
      LowWatermarks watermarks,
      UInt64 source,
      UInt64 target,
      Bytes32 root) {
    if (source.isGreaterThan(target)) {
      return Optional.of("attestation source " + source + " is after its target " + target);
    }
    Function<UInt64, ValidatorNumberKey> keyAt = epoch -> new ValidatorNumberKey(validator, epoch);
    String vote = "attestation with source " + source + " target " + target;
    Optional<SignedAttestationRecord> sameTarget =
        reader.get(SIGNED_ATTESTATIONS, keyAt.apply(target));
    if (sameTarget.isPresent()) {
      SignedAttestationRecord signed = sameTarget.get();
      if (signed.source().equals(source) && signed.root().matches(root)) {
        return Optional.empty();
      }
      return Optional.of(
          "double vote: "
              + vote
              + " has the target of the one signed with source "
              + signed.source()
              + " target "
              + target
              + (signed.root().root().isPresent()
                  ? " and a different signing root"
                  : " whose signing root is unknown"));
    }
    if (watermarks.sourceEpoch().isPresent() && source.isLessThan(watermarks.sourceEpoch().get())) {
      return Optional.of(
          vote
              + " has its source below the low watermark source epoch "
              + watermarks.sourceEpoch().get()
              + " set by an interchange import");
    }
    if (watermarks.targetEpoch().isPresent()
        && target.isLessThanOrEqualTo(watermarks.targetEpoch().get())) {
      return Optional.of(
          vote
              + " has its target at or below the low watermark target epoch "
              + watermarks.targetEpoch().get()
              + " set by an interchange import");
    }
    // Surrounded: a signed (s', t') with s' < source and t' > target.
    Optional<ColumnEntry<ValidatorNumberKey, SignedAttestationRecord>> surrounding =
        RecordRanges.firstAbove(
            reader,
            SIGNED_ATTESTATIONS,
            keyAt,
            target,
            signed -> signed.source().isLessThan(source));
    if (surrounding.isPresent()) {
      return Optional.of(vote + " is surrounded by " + describe(surrounding.get()));
    }
    // Surrounding: a signed (s', t') with s' > source and t' < target; since s' <= t', such a
    // t' lies strictly between source and target.
    return RecordRanges.firstBetween(
            reader,
            SIGNED_ATTESTATIONS,
            keyAt,
            source,
            target,
            signed -> signed.source().isGreaterThan(source))
        .map(surrounded -> vote + " surrounds " + describe(surrounded));
  }

  private static String describe(ColumnEntry<ValidatorNumberKey, SignedAttestationRecord> e) {
    return "the one signed with source " + e.value().source() + " target " + e.key().number();
  }
}
