package io.basalt.networking.multistream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Random and truncated input never escapes as anything but {@link MultistreamException}. */
class MultistreamFuzzTest {

  @Property
  void randomBytesThrowOnlyMultistreamException(@ForAll @Size(max = 80) byte[] input) {
    MultistreamResponder responder = new MultistreamResponder(List.of("/noise"));
    Throwable thrown = catchThrowable(() -> responder.receive(input));
    assertThat(thrown == null || thrown instanceof MultistreamException).as("%s", thrown).isTrue();
    MultistreamInitiator initiator = new MultistreamInitiator(List.of("/noise"));
    initiator.start();
    thrown = catchThrowable(() -> initiator.receive(input));
    assertThat(thrown == null || thrown instanceof MultistreamException).as("%s", thrown).isTrue();
  }

  @Property
  void randomBytesAfterAValidHeaderThrowOnlyMultistreamException(
      @ForAll @Size(max = 80) byte[] input) {
    MultistreamResponder responder = new MultistreamResponder(List.of("/noise"));
    responder.receive(MultistreamMessages.encode(MultistreamMessages.PROTOCOL_ID));
    Throwable thrown = catchThrowable(() -> responder.receive(input));
    assertThat(thrown == null || thrown instanceof MultistreamException).as("%s", thrown).isTrue();
  }

  @Property
  void truncatedNegotiationNeverCompletesOrFails(@ForAll @IntRange(max = 30) int cut) {
    byte[] opening = new MultistreamInitiator(List.of("/noise")).start();
    byte[] truncated = java.util.Arrays.copyOf(opening, Math.min(cut, opening.length - 1));
    NegotiationStep step = new MultistreamResponder(List.of("/noise")).receive(truncated);
    assertThat(step.isComplete()).isFalse();
  }
}
