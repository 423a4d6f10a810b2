package io.basalt.networking.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Arrays;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Random and truncated input never escapes as anything but {@link NoiseException}. */
class NoiseFuzzTest {

  @Property(tries = 500)
  void payloadDecodingThrowsOnlyNoiseException(@ForAll @Size(max = 120) byte[] input) {
    assertOnlyNoiseException(() -> NoiseHandshakePayload.decode(input));
  }

  @Property(tries = 200)
  void randomSecondMessageThrowsOnlyNoiseException(@ForAll @Size(max = 200) byte[] input) {
    NoiseHandshake initiator = NoiseTestPeers.initiator(Optional.empty());
    initiator.writeMessage();
    Throwable thrown = catchThrowable(() -> initiator.readMessage(input));
    assertThat(thrown).isInstanceOf(NoiseException.class);
  }

  @Property(tries = 200)
  void randomFirstAndThirdMessagesThrowOnlyNoiseException(@ForAll @Size(max = 200) byte[] input) {
    NoiseHandshake responder = NoiseTestPeers.responder();
    assertOnlyNoiseException(() -> responder.readMessage(input));
    if (responder.isMyTurn()) {
      responder.writeMessage();
      assertThat(catchThrowable(() -> responder.readMessage(input)))
          .isInstanceOf(NoiseException.class);
    }
  }

  @Property(tries = 100)
  void truncatedHandshakeMessagesAreRejected(@ForAll @IntRange(max = 400) int cut) {
    NoiseHandshake initiator = NoiseTestPeers.initiator(Optional.empty());
    NoiseHandshake responder = NoiseTestPeers.responder();
    responder.readMessage(initiator.writeMessage());
    byte[] second = responder.writeMessage();
    byte[] truncated = Arrays.copyOf(second, Math.min(cut, second.length - 1));
    assertThat(catchThrowable(() -> initiator.readMessage(truncated)))
        .isInstanceOf(NoiseException.class);
  }

  @Property(tries = 200)
  void randomTransportMessagesThrowOnlyNoiseException(@ForAll @Size(max = 100) byte[] input) {
    NoiseHandshake initiator = NoiseTestPeers.initiator(Optional.empty());
    NoiseHandshake responder = NoiseTestPeers.responder();
    NoiseTestPeers.run(initiator, responder);
    assertThat(catchThrowable(() -> responder.session().decryptMessage(input)))
        .isInstanceOf(NoiseException.class);
  }

  private static void assertOnlyNoiseException(ThrowingCallable call) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown == null || thrown instanceof NoiseException).as("%s", thrown).isTrue();
  }
}
