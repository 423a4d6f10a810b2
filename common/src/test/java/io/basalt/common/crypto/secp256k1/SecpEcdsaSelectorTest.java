package io.basalt.common.crypto.secp256k1;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecpEcdsaSelectorTest {

  @Test
  void shouldUseTheNativeLibraryWhereItLoads() {
    assertThat(SecpEcdsaSelector.select(NativeSecpEcdsa::load)).isInstanceOf(NativeSecpEcdsa.class);
  }

  @Test
  void shouldFallBackToBouncyCastleWhenTheNativeLibraryFailsToLoad() {
    assertThat(
            SecpEcdsaSelector.select(
                () -> {
                  throw new UnsatisfiedLinkError("no secp256k1-jni in java.library.path");
                }))
        .isInstanceOf(BouncyCastleSecpEcdsa.class);
    assertThat(
            SecpEcdsaSelector.select(
                () -> {
                  throw new IllegalStateException("Could not load native Secp256k1 JNI library");
                }))
        .isInstanceOf(BouncyCastleSecpEcdsa.class);
  }

  @Test
  void shouldReturnOneSharedDefault() {
    assertThat(SecpEcdsa.getDefault()).isSameAs(SecpEcdsa.getDefault());
  }
}
