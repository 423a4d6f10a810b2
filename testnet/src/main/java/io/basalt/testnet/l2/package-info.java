/**
 * An example toy Layer 2 settling on Basalt's {@code Settlement} system contract: a key-value
 * rollup ({@link io.basalt.testnet.l2.ToyRollup}), its BLS operator and challenger committees
 * ({@link io.basalt.testnet.l2.BlsCommittee}) and the L1 side ({@link
 * io.basalt.testnet.l2.SettlementClient} over {@link io.basalt.testnet.l2.L1Client}), driven by
 * {@code basalt testnet l2-demo} ({@link io.basalt.testnet.l2.L2Demo}).
 */
package io.basalt.testnet.l2;
