package io.basalt.node.p2p;

import static io.basalt.common.ssz.Field.field;

import io.basalt.common.ssz.Bits;
import io.basalt.common.ssz.ContainerSchema;
import io.basalt.common.ssz.SszTypes;
import io.basalt.common.types.UInt64;

/**
 * {@code MetaData{seq_number: uint64, attnets: Bitvector[ATTESTATION_SUBNET_COUNT]}} (phase0): the
 * subnets a node subscribes to, and a sequence number it raises when they change. Ping answers the
 * sequence number so peers know when to fetch it again.
 */
public record MetaData(UInt64 seqNumber, Bits attnets) {

  static ContainerSchema<MetaData> schema(int attestationSubnets) {
    return ContainerSchema.ofRecord(
        MetaData.class,
        field("seqNumber", SszTypes.UINT64, MetaData::seqNumber),
        field("attnets", SszTypes.bitvector(attestationSubnets), MetaData::attnets));
  }

  static int size(int attestationSubnets) {
    return 8 + (attestationSubnets + 7) / 8;
  }
}
