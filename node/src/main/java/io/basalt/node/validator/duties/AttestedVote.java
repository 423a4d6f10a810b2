package io.basalt.node.validator.duties;

import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.types.AttestationData;
import io.basalt.node.validator.keys.ValidatorKey;

/** A vote one of our committee members published, remembered for the aggregation duty. */
public record AttestedVote(
    ValidatorIndex validator, ValidatorKey key, int committeeSize, AttestationData data) {}
