package io.basalt.node.validator.duties;

import io.basalt.beacon.helpers.BeaconStateAccessors;
import io.basalt.node.validator.ValidatorMetrics;
import io.basalt.node.validator.api.BeaconNodeApi;
import io.basalt.node.validator.signing.ValidatorSigner;

/** What every duty works with: the node, our keys, the signer, the spec helpers and metrics. */
public record DutyContext(
    BeaconNodeApi api,
    OwnedValidators validators,
    ValidatorSigner signer,
    BeaconStateAccessors accessors,
    ValidatorMetrics metrics) {}
