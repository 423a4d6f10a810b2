package io.basalt.node.validator.slashing;

import static io.basalt.node.validator.slashing.SlashingFixtures.ALICE;
import static io.basalt.node.validator.slashing.SlashingFixtures.GENESIS_ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.common.types.Epoch;
import io.basalt.common.types.UInt64;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/** Whatever a validator client asks, the attestations it is allowed to sign are never slashable. */
class AttestationSafetyPropertiesTest {

  /** A request to sign; a small root range makes identical re-signs and double votes common. */
  record Request(long source, long target, int root) {}

  @Property(tries = 200)
  void acceptedAttestationsNeverContainADoubleOrSurroundPair(
      @ForAll("requests") List<Request> requests) {
    List<Request> accepted = new ArrayList<>();
    try (KvSlashingProtection protection = SlashingFixtures.inMemory()) {
      for (Request r : requests) {
        if (protection
            .checkAndRecordAttestation(ALICE, Epoch.of(r.source()), Epoch.of(r.target()), rootOf(r))
            .isSafe()) {
          accepted.add(r);
        }
      }
    }
    assertNoSlashablePair(accepted);
    // the first request is always judged against an empty history, so it is accepted when valid
    if (!requests.isEmpty() && requests.get(0).source() <= requests.get(0).target()) {
      assertThat(accepted).isNotEmpty();
    }
  }

  @Property(tries = 100)
  void acceptedAttestationsStaySafeAfterAnImportedMinimalFile(
      @ForAll("requests") List<Request> before, @ForAll("requests") List<Request> after) {
    List<Request> accepted = new ArrayList<>();
    try (KvSlashingProtection first = SlashingFixtures.inMemory();
        KvSlashingProtection second = SlashingFixtures.inMemory()) {
      for (Request r : before) {
        if (sign(first, r)) {
          accepted.add(r);
        }
      }
      // Move the key to a new client through a minimal file: only the highest epochs are kept.
      List<InterchangeAttestation> minimal = new ArrayList<>();
      accepted.stream()
          .mapToLong(Request::target)
          .max()
          .ifPresent(
              maxTarget ->
                  minimal.add(
                      new InterchangeAttestation(
                          UInt64.valueOf(
                              accepted.stream().mapToLong(Request::source).max().orElseThrow()),
                          UInt64.valueOf(maxTarget),
                          Optional.empty())));
      new InterchangeImporter(second)
          .importInterchange(
              new Interchange(
                  new InterchangeMetadata(5, GENESIS_ROOT),
                  List.of(new InterchangeData(ALICE.toBytes(), List.of(), minimal, List.of()))));
      for (Request r : after) {
        if (sign(second, r)) {
          accepted.add(r);
        }
      }
    }
    assertNoSlashablePair(accepted);
  }

  @Provide
  Arbitrary<List<Request>> requests() {
    Arbitrary<Long> epochs = Arbitraries.longs().between(0, 12);
    Arbitrary<Request> request =
        Combinators.combine(epochs, epochs, Arbitraries.integers().between(0, 2)).as(Request::new);
    return request.list().ofMaxSize(30);
  }

  private static boolean sign(KvSlashingProtection protection, Request r) {
    return protection
        .checkAndRecordAttestation(ALICE, Epoch.of(r.source()), Epoch.of(r.target()), rootOf(r))
        .isSafe();
  }

  private static void assertNoSlashablePair(List<Request> accepted) {
    for (Request a : accepted) {
      assertThat(a.source()).isLessThanOrEqualTo(a.target());
      for (Request b : accepted) {
        boolean sameMessage =
            a.source() == b.source() && a.target() == b.target() && a.root() == b.root();
        if (sameMessage) {
          continue;
        }
        assertThat(a.target()).as("double vote %s %s", a, b).isNotEqualTo(b.target());
        assertThat(a.source() < b.source() && b.target() < a.target())
            .as("%s surrounds %s", a, b)
            .isFalse();
      }
    }
  }

  /** The signing root stands for the whole message, so it depends on source and target too. */
  private static Bytes32 rootOf(Request r) {
    return Bytes32.leftPad(
        Bytes.concatenate(
            Bytes.ofUnsignedLong(r.source()),
            Bytes.ofUnsignedLong(r.target()),
            Bytes.of(r.root())));
  }
}
