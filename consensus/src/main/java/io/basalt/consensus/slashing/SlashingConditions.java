package io.basalt.consensus.slashing;

import io.basalt.consensus.types.AttestationData;

/**
 * Casper FFG's two slashing conditions on attestation data. A pure predicate: it says whether two
 * votes conflict, not who signed them.
 */
public final class SlashingConditions {

  /**
   * Whether signing both {@code data1} and {@code data2} is slashable: a double vote (two different
   * votes with the same target epoch) or a surround vote ({@code data1}'s FFG link strictly
   * surrounds {@code data2}'s). Order matters for the surround case, as in the spec.
   */
  // spec: is_slashable_attestation_data
  public boolean isSlashableAttestationData(AttestationData data1, AttestationData data2) {
    boolean doubleVote =
        !data1.equals(data2) && data1.target().epoch().equals(data2.target().epoch());
    boolean surroundVote =
        data1.source().epoch().isBefore(data2.source().epoch())
            && data2.target().epoch().isBefore(data1.target().epoch());
    return doubleVote || surroundVote;
  }
}
