/**
 * The Layer-2 settlement client library: a {@link io.basalt.settlement.proof.CommitmentProof} that
 * a batch record sits in the Settlement contract's storage of a shard state crosslinked in a beacon
 * state, a {@link io.basalt.settlement.proof.FinalityProof} that the beacon block holding that
 * state is finalized, their JSON form ({@link io.basalt.settlement.json.SettlementProofJson}) and
 * the end-to-end {@link io.basalt.settlement.verify.SettlementVerifier} against a {@link
 * io.basalt.settlement.trust.TrustedValidatorSet}. It depends only on the protocol types and
 * crypto, never on a node.
 */
package io.basalt.settlement;
