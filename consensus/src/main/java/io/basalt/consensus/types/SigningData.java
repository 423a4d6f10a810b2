package io.basalt.consensus.types;

import static io.basalt.common.ssz.Field.field;

import io.basalt.common.ssz.ContainerSchema;
import io.basalt.common.ssz.SszTypes;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes32;

/** The message actually signed: an object's root bound to a signing domain. */
public record SigningData(Bytes32 objectRoot, Bytes32 domain) {

  public static final ContainerSchema<SigningData> SSZ =
      ContainerSchema.ofRecord(
          SigningData.class,
          field("objectRoot", SszTypes.BYTES32, SigningData::objectRoot),
          field("domain", SszTypes.BYTES32, SigningData::domain));

  public SigningData {
    Objects.requireNonNull(objectRoot, "objectRoot");
    Objects.requireNonNull(domain, "domain");
  }

  public Bytes32 hashTreeRoot() {
    return SSZ.hashTreeRoot(this);
  }
}
