package io.basalt.shard.transition;

import io.basalt.beacon.helpers.BeaconStateAccessors;
import io.basalt.beacon.schemas.BeaconSchemas;
import io.basalt.beacon.transition.signatures.PubkeyCache;
import io.basalt.beacon.transition.signatures.SignatureSets;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.execution.contracts.SystemContracts;
import io.basalt.execution.processor.BlockExecutor;
import io.basalt.shard.datastructures.ShardSchemas;

/**
 * The shard rules a node runs, built once from the spec config: transition, producer and what they
 * share. They hold no chain data (states live in the node's {@code ShardChain}s), so simulated
 * nodes share one instance.
 */
public record ShardProtocol(
    SpecConfig config,
    ShardSchemas schemas,
    BeaconStateAccessors accessors,
    SignatureSets signatureSets,
    ShardStateTransition transition,
    ShardBlockProducer producer) {

  public static ShardProtocol create(SpecConfig config, BeaconSchemas beaconSchemas) {
    ShardSchemas schemas = new ShardSchemas(config);
    BeaconStateAccessors accessors = new BeaconStateAccessors(config);
    SignatureSets signatureSets = new SignatureSets(beaconSchemas, accessors, new PubkeyCache());
    SystemContracts contracts =
        new SystemContracts(
            new BeaconDepositSignatureCheck(signatureSets),
            config.minDepositAmount().value().longValue());
    BlockExecutor executor = new BlockExecutor(contracts);
    ShardBlockBodyProcessor bodies = new ShardBlockBodyProcessor(schemas, executor);
    return new ShardProtocol(
        config,
        schemas,
        accessors,
        signatureSets,
        new ShardStateTransition(schemas, accessors, signatureSets, bodies),
        new ShardBlockProducer(bodies, executor));
  }
}
