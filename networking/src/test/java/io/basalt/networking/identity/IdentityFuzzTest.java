package io.basalt.networking.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Arrays;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Random and truncated input never escapes as anything but {@link KeyFormatException}. */
class IdentityFuzzTest {

  private static final byte[] SECP_PUBLIC =
      HexFormat.of()
          .parseHex("08021221037777e994e452c21604f91de093ce415f5432f701dd8cd1a7a6fea0e630bfca99");
  private static final Secp256k1PeerPublicKey KEY =
      (Secp256k1PeerPublicKey) PeerPublicKey.fromProtobuf(SECP_PUBLIC);

  @Property(tries = 500)
  void keyProtobufsThrowOnlyKeyFormatException(@ForAll @Size(max = 80) byte[] input) {
    assertOnlyKeyFormatException(() -> PeerPublicKey.fromProtobuf(input));
    assertOnlyKeyFormatException(() -> PeerPrivateKey.fromProtobuf(input));
    assertOnlyKeyFormatException(() -> PeerId.fromBytes(input));
  }

  @Property(tries = 300)
  void truncatedKeysThrowOnlyKeyFormatException(@ForAll @IntRange(max = 37) int cut) {
    byte[] truncated = Arrays.copyOf(SECP_PUBLIC, cut);
    Throwable thrown = catchThrowable(() -> PeerPublicKey.fromProtobuf(truncated));
    if (cut < SECP_PUBLIC.length) {
      assertThat(thrown).isInstanceOf(KeyFormatException.class);
    } else {
      assertThat(thrown).isNull();
    }
  }

  @Property(tries = 500)
  void peerIdStringsThrowOnlyKeyFormatException(@ForAll @Size(max = 60) String input) {
    assertOnlyKeyFormatException(() -> PeerId.fromString(input));
  }

  @Property(tries = 300)
  void signatureVerificationNeverThrows(@ForAll @Size(max = 80) byte[] signature) {
    assertThat(KEY.verify(new byte[] {1}, signature)).isFalse();
  }

  private static void assertOnlyKeyFormatException(ThrowingCallable call) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown == null || thrown instanceof KeyFormatException).as("%s", thrown).isTrue();
  }
}
