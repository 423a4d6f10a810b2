package io.basalt.testnet.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModuleDependencyRulesTest {

  private static final JavaClasses BASALT =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.basalt");

  @Test
  void shouldSeeEveryModuleWithCode() {
    for (String module :
        List.of(
            "common",
            "consensus",
            "storage",
            "execution",
            "beacon",
            "settlement",
            "networking",
            "node")) {
      assertThat(
              BASALT.stream().anyMatch(c -> c.getPackageName().startsWith("io.basalt." + module)))
          .as("classes of module %s on the test classpath", module)
          .isTrue();
    }
  }

  @Test
  void modulesShouldDependOnlyInTheDirectionOfTheTable() {
    assertNoViolations(ModuleRules.moduleRules("io.basalt"), BASALT);
  }

  @Test
  void libraryTypesShouldStayAtTheirEdge() {
    assertNoViolations(ModuleRules.libraryEdgeRules("io.basalt"), BASALT);
  }

  @Test
  void protocolRulesShouldDoNoIo() {
    assertNoViolations(List.of(ModuleRules.protocolRulesDoNoIo("io.basalt")), BASALT);
  }

  @Test
  void shouldReportAnImportAgainstTheTable() {
    // archfixture.common.Leaky imports archfixture.beacon.Upstream: common may not see beacon.
    JavaClasses fixture = new ClassFileImporter().importPackages("archfixture");
    List<String> violations = violations(ModuleRules.moduleRules("archfixture"), fixture);
    assertThat(violations)
        .anySatisfy(v -> assertThat(v).contains("archfixture.common.Leaky").contains("Upstream"));
  }

  private static void assertNoViolations(List<ArchRule> rules, JavaClasses classes) {
    assertThat(violations(rules, classes)).isEmpty();
  }

  private static List<String> violations(List<ArchRule> rules, JavaClasses classes) {
    List<String> found = new ArrayList<>();
    for (ArchRule rule : rules) {
      EvaluationResult result = rule.evaluate(classes);
      found.addAll(result.getFailureReport().getDetails());
    }
    return found;
  }
}
