package io.basalt.node.validator.keys;

import io.basalt.common.crypto.bls.BlsPublicKey;
import io.basalt.common.crypto.bls.BlsSecretKey;

/** A validator's BLS key pair, loaded from a keystore (another engineer writes the loader). */
public record ValidatorKey(BlsSecretKey secretKey, BlsPublicKey publicKey) {}
