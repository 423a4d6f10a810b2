/**
 * Beacon chain services: the attestation and operation pools ({@code chain.pool}), block production
 * ({@code chain.production}), persistence and state regeneration ({@code chain.store}) and the
 * block import pipeline ({@code chain.imports}). They schedule and persist; the protocol rules they
 * call come in through {@link io.basalt.beacon.chain.ChainStateTransition}.
 */
package io.basalt.beacon.chain;
