package io.basalt.networking.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.ByteBuffer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Random and truncated input never escapes as anything but {@link DecodingException}. */
class EncodingFuzzTest {

  @Property
  void varintDecodingThrowsOnlyDecodingException(@ForAll @Size(max = 12) byte[] input) {
    Throwable thrown = catchThrowable(() -> UnsignedVarint.decodeExact(input));
    assertThat(thrown == null || thrown instanceof DecodingException).as("%s", thrown).isTrue();
  }

  @Property
  void framesThrowOnlyDecodingException(
      @ForAll @Size(max = 64) byte[] input, @ForAll @IntRange(max = 40) int maxLength) {
    ByteBuffer in = ByteBuffer.wrap(input);
    Throwable thrown =
        catchThrowable(
            () -> {
              while (VarintFrames.read(in, maxLength).isPresent()) {
                // keep reading
              }
            });
    assertThat(thrown == null || thrown instanceof DecodingException).as("%s", thrown).isTrue();
  }

  @Property
  void truncatedFramesAreIncompleteNotErrors(
      @ForAll @Size(max = 300) byte[] payload, @ForAll @IntRange(max = 302) int cut) {
    byte[] frame = VarintFrames.encode(payload);
    ByteBuffer in = ByteBuffer.wrap(frame, 0, Math.min(cut, frame.length));
    boolean complete = VarintFrames.read(in, 1000).isPresent();
    assertThat(complete).isEqualTo(cut >= frame.length);
  }
}
