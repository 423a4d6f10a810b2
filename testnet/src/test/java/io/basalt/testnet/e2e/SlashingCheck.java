package io.basalt.testnet.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.basalt.node.cli.BasaltCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Exports each validator node's slashing protection (EIP-3076, complete format) and checks the
 * union over the network: no validator signed two different blocks at one slot, two different
 * attestations for one target, or an attestation surrounding another.
 */
final class SlashingCheck {

  private record Vote(long source, long target, String root) {}

  private final Map<String, Map<Long, String>> blocks = new HashMap<>();
  private final Map<String, List<Vote>> votes = new HashMap<>();
  private int validators;
  private int signedBlocks;
  private int signedAttestations;

  /** Adds node {@code dataDir}'s records, exported with {@code basalt slashing-protection}. */
  void add(Path dataDir, Path file) throws Exception {
    StringWriter err = new StringWriter();
    int exit =
        BasaltCommand.execute(
            new String[] {
              "slashing-protection",
              "export",
              "--data-dir",
              dataDir.toString(),
              "--file",
              file.toString()
            },
            BasaltCommand.discoverLauncher(),
            Map.of(),
            new PrintWriter(new StringWriter(), true),
            new PrintWriter(err, true));
    assertThat(exit).as("export of %s: %s", dataDir, err).isZero();
    JsonNode interchange = new ObjectMapper().readTree(file.toFile());
    for (JsonNode data : interchange.get("data")) {
      String pubkey = data.get("pubkey").asText();
      validators++;
      for (JsonNode block : data.get("signed_blocks")) {
        long slot = block.get("slot").asLong();
        String root = block.path("signing_root").asText("");
        String earlier =
            blocks.computeIfAbsent(pubkey, k -> new HashMap<>()).putIfAbsent(slot, root);
        assertThat(earlier == null || earlier.equals(root))
            .as("%s signed two blocks at slot %d", pubkey, slot)
            .isTrue();
        signedBlocks++;
      }
      for (JsonNode attestation : data.get("signed_attestations")) {
        votes
            .computeIfAbsent(pubkey, k -> new ArrayList<>())
            .add(
                new Vote(
                    attestation.get("source_epoch").asLong(),
                    attestation.get("target_epoch").asLong(),
                    attestation.path("signing_root").asText("")));
        signedAttestations++;
      }
    }
  }

  /** Fails on a double or surround vote; returns a summary of what was checked. */
  String assertNoSlashableVotes() {
    votes.forEach(
        (pubkey, list) -> {
          for (int i = 0; i < list.size(); i++) {
            for (int j = i + 1; j < list.size(); j++) {
              Vote a = list.get(i);
              Vote b = list.get(j);
              assertThat(a.target() == b.target() && !a.root().equals(b.root()))
                  .as("%s double vote at target %d", pubkey, a.target())
                  .isFalse();
              boolean surrounds =
                  (a.source() < b.source() && b.target() < a.target())
                      || (b.source() < a.source() && a.target() < b.target());
              assertThat(surrounds).as("%s surround vote %s / %s", pubkey, a, b).isFalse();
            }
          }
        });
    return validators
        + " validators, "
        + signedBlocks
        + " signed blocks, "
        + signedAttestations
        + " signed attestations";
  }

  int validators() {
    return validators;
  }

  int signedAttestations() {
    return signedAttestations;
  }
}
