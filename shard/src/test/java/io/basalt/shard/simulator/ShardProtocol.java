package io.basalt.shard.simulator;

import io.basalt.beacon.helpers.BeaconStateAccessors;
import io.basalt.beacon.schemas.BeaconSchemas;
import io.basalt.beacon.transition.signatures.PubkeyCache;
import io.basalt.beacon.transition.signatures.SignatureSets;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.execution.contracts.SystemContracts;
import io.basalt.execution.processor.BlockExecutor;
import io.basalt.shard.datastructures.ShardSchemas;
import io.basalt.shard.transition.BeaconDepositSignatureCheck;
import io.basalt.shard.transition.ShardBlockBodyProcessor;
import io.basalt.shard.transition.ShardBlockProducer;
import io.basalt.shard.transition.ShardStateTransition;

/**
 * The shard rules every simulated node runs, built once: they hold no chain data (states live in
 * each node's {@code ShardChain}s), so the nodes share one instance.
 */
record ShardProtocol(
    SpecConfig config,
    ShardSchemas schemas,
    BeaconStateAccessors accessors,
    SignatureSets signatureSets,
    ShardStateTransition transition,
    ShardBlockProducer producer) {

  static ShardProtocol create(SpecConfig config, BeaconSchemas beaconSchemas) {
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
