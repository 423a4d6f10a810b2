package io.basalt.networking.multiaddr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Random and truncated input never escapes as anything but {@link MultiaddrException}. */
class MultiaddrFuzzTest {

  private static final byte[] VALID =
      Multiaddr.parse(
              "/ip6/2001:db8::1/tcp/4001/p2p/16Uiu2HAmLhLvBoYaoZfaMUKuibM6ac163GwKY74c5kiSLg5KvLpY")
          .toBytes();

  @Property
  void randomBytesThrowOnlyMultiaddrException(@ForAll @Size(max = 64) byte[] input) {
    Throwable thrown = catchThrowable(() -> Multiaddr.fromBytes(input));
    assertThat(thrown == null || thrown instanceof MultiaddrException).as("%s", thrown).isTrue();
  }

  @Property
  void truncatedBytesAreRejected(@ForAll @IntRange(max = 100) int cut) {
    int length = Math.min(cut, VALID.length - 1);
    byte[] truncated = Arrays.copyOf(VALID, length);
    Throwable thrown = catchThrowable(() -> Multiaddr.fromBytes(truncated));
    // Cutting exactly between components leaves a shorter valid address.
    if (thrown != null) {
      assertThat(thrown).isInstanceOf(MultiaddrException.class);
    } else {
      assertThat(Multiaddr.fromBytes(truncated).toBytes()).isEqualTo(truncated);
    }
  }

  @Property
  void randomTextThrowsOnlyMultiaddrException(@ForAll("addressLike") String input) {
    Throwable thrown = catchThrowable(() -> Multiaddr.parse(input));
    assertThat(thrown == null || thrown instanceof MultiaddrException).as("%s", thrown).isTrue();
    if (thrown == null) {
      Multiaddr parsed = Multiaddr.parse(input);
      assertThat(Multiaddr.fromBytes(parsed.toBytes())).isEqualTo(parsed);
      assertThat(Multiaddr.parse(parsed.toString())).isEqualTo(parsed);
    }
  }

  @Provide
  Arbitrary<String> addressLike() {
    Arbitrary<String> label =
        Arbitraries.of("ip4", "ip6", "tcp", "udp", "dns", "dns4", "p2p", "quic-v1", "x", "");
    Arbitrary<String> value =
        Arbitraries.oneOf(
            Arbitraries.strings().withChars("0123456789.:abcdef/").ofMaxLength(20),
            Arbitraries.strings().ofMaxLength(10));
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(40),
        label
            .list()
            .ofMaxSize(3)
            .flatMap(
                labels ->
                    value
                        .list()
                        .ofSize(labels.size())
                        .map(
                            values -> {
                              StringBuilder out = new StringBuilder();
                              for (int i = 0; i < labels.size(); i++) {
                                out.append('/')
                                    .append(labels.get(i))
                                    .append('/')
                                    .append(values.get(i));
                              }
                              return out.toString();
                            })));
  }
}
