package io.basalt.beacon.transition;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts that block processing rejects with a given reason. */
final class Rejections {

  private Rejections() {}

  static void assertRejected(ThrowingCallable call, InvalidBlockReason reason) {
    assertThatThrownBy(call)
        .isInstanceOf(BlockProcessingException.class)
        .satisfies(
            e ->
                org.assertj.core.api.Assertions.assertThat(((BlockProcessingException) e).reason())
                    .isEqualTo(reason));
  }
}
