package io.basalt.beacon.chain.imports;

import io.basalt.beacon.datastructures.blocks.SignedBeaconBlock;
import io.basalt.beacon.state.BeaconState;
import org.apache.tuweni.bytes.Bytes32;

/**
 * A block in fork choice and on disk.
 *
 * @param postState the state after the block
 * @param headRoot the chain head after the import (this block or another)
 */
public record ImportedBlock(
    SignedBeaconBlock block, Bytes32 root, BeaconState postState, Bytes32 headRoot) {}
