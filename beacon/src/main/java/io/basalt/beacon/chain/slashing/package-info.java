/**
 * Slashing detection: watches the blocks and attestations the node sees and turns slashable
 * behaviour into {@code ProposerSlashing} and {@code AttesterSlashing} operations for the pools.
 */
package io.basalt.beacon.chain.slashing;
