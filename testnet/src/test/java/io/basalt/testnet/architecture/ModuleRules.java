package io.basalt.testnet.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The module dependency table of DESIGN.md section 2, and the library edges of STYLE.md, as
 * ArchUnit rules over a package root ({@code io.basalt} for the real code).
 *
 * <p>Each module lists every Basalt module it may reach, directly or through another: a class may
 * depend on its own module and on those, never on the rest.
 */
final class ModuleRules {

  /** Module to the modules it may depend on (transitively closed). */
  static final Map<String, Set<String>> ALLOWED =
      Map.of(
          "common", Set.of(),
          "consensus", Set.of("common"),
          "storage", Set.of("common"),
          "execution", Set.of("common", "storage"),
          "beacon", Set.of("common", "consensus", "storage"),
          "shard", Set.of("common", "consensus", "storage", "beacon", "execution"),
          "settlement", Set.of("common", "consensus", "storage", "execution", "beacon"),
          "networking", Set.of("common"),
          "node",
              Set.of(
                  "common",
                  "consensus",
                  "storage",
                  "execution",
                  "beacon",
                  "shard",
                  "settlement",
                  "networking"),
          "testnet",
              Set.of(
                  "common",
                  "consensus",
                  "storage",
                  "execution",
                  "beacon",
                  "shard",
                  "settlement",
                  "networking",
                  "node"));

  /** Third-party packages that may appear only inside one Basalt package (a library's edge). */
  static final Map<String, String> LIBRARY_EDGES =
      Map.of(
          "org.rocksdb..", "storage.rocksdb",
          "io.netty..", "networking",
          "io.vertx..", "node.rpc",
          "supranational.blst..", "common.crypto.bls",
          "fr.acinq.secp256k1..", "common.crypto.secp256k1");

  private ModuleRules() {}

  static List<ArchRule> moduleRules(String root) {
    List<ArchRule> rules = new ArrayList<>();
    ALLOWED.forEach(
        (module, allowed) -> {
          String[] forbidden =
              ALLOWED.keySet().stream()
                  .filter(other -> !other.equals(module) && !allowed.contains(other))
                  .map(other -> root + "." + other + "..")
                  .toArray(String[]::new);
          if (forbidden.length > 0) {
            rules.add(
                noClasses()
                    .that()
                    .resideInAPackage(root + "." + module + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(forbidden)
                    .because(module + " may depend only on " + allowed)
                    .allowEmptyShould(true));
          }
        });
    return rules;
  }

  static List<ArchRule> libraryEdgeRules(String root) {
    List<ArchRule> rules = new ArrayList<>();
    LIBRARY_EDGES.forEach(
        (library, home) ->
            rules.add(
                noClasses()
                    .that()
                    .resideInAPackage(root + "..")
                    .and()
                    .resideOutsideOfPackage(root + "." + home + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage(library)
                    .because(library + " stays inside " + root + "." + home)
                    .allowEmptyShould(true)));
    return rules;
  }

  /**
   * The protocol rules do no I/O: no sockets, files, threads or clock reads in {@code consensus}
   * (its config loader, which reads a file once at start-up, is the one exception).
   */
  static ArchRule protocolRulesDoNoIo(String root) {
    return noClasses()
        .that()
        .resideInAPackage(root + ".consensus..")
        .and()
        .resideOutsideOfPackage(root + ".consensus.config..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.net..", "java.nio.file..", "java.nio.channels..")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName(Thread.class.getName())
        .orShould()
        .callMethod(System.class, "currentTimeMillis")
        .orShould()
        .callMethod(System.class, "nanoTime")
        .orShould()
        .callMethod(java.time.Instant.class, "now")
        .because("protocol rules must run in a deterministic simulation")
        .allowEmptyShould(true);
  }
}
