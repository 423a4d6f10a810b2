package io.basalt.beacon.chain.pool;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.beacon.datastructures.blocks.BeaconBlock;
import io.basalt.beacon.datastructures.blocks.BeaconBlockBody;
import io.basalt.beacon.datastructures.operations.SignedVoluntaryExit;
import io.basalt.beacon.datastructures.operations.VoluntaryExit;
import io.basalt.beacon.helpers.BeaconStateAccessors;
import io.basalt.beacon.helpers.Predicates;
import io.basalt.beacon.testing.TestStates;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.Slot;
import io.basalt.common.types.ValidatorIndex;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

class OperationPoolsTest {

  private static final Bytes SIGNATURE = Bytes.wrap(new byte[96]);

  @Test
  void shouldRemoveTheOperationsABlockIncluded() {
    OperationPools pools =
        OperationPools.create(
            new OperationValidators(
                TestStates.LOCAL,
                new BeaconStateAccessors(TestStates.LOCAL),
                new Predicates(TestStates.LOCAL)),
            8);
    SignedVoluntaryExit included = exit(1);
    SignedVoluntaryExit pending = exit(2);
    pools.voluntaryExits().add(included);
    pools.voluntaryExits().add(pending);
    BeaconBlockBody empty = BeaconBlockBody.empty(SIGNATURE, Bytes32.ZERO);
    BeaconBlockBody body =
        new BeaconBlockBody(
            empty.randaoReveal(),
            empty.graffiti(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(included),
            List.of(),
            List.of());

    pools.removeIncluded(
        new BeaconBlock(Slot.of(1), ValidatorIndex.ZERO, Bytes32.ZERO, Bytes32.ZERO, body));

    assertThat(pools.voluntaryExits().size()).isEqualTo(1);
    // The remaining one is still there: adding it again is refused as a duplicate.
    assertThat(pools.voluntaryExits().add(pending)).isFalse();
    assertThat(pools.voluntaryExits().add(included)).isTrue();
  }

  private static SignedVoluntaryExit exit(long validator) {
    return new SignedVoluntaryExit(
        new VoluntaryExit(Epoch.ZERO, ValidatorIndex.of(validator)), SIGNATURE);
  }
}
