package io.basalt.testnet.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code scripts/java-home.sh} against fake JDK folders to check which one it picks. */
class JdkSelectionTest {

  private static final Path SCRIPT =
      Paths.get("..", "scripts", "java-home.sh").toAbsolutePath().normalize();

  @TempDir Path jvms;

  @Test
  void shouldPickTheNewestJdkOf21OrLaterWhenJavaHomeIsOlder() throws Exception {
    Path old = fakeJdk("java-17", 17);
    fakeJdk("jdk-21", 21);
    Path newest = fakeJdk("jdk-25", 25);
    Result result = select(old);
    assertThat(result.exitCode()).isZero();
    assertThat(result.stdout().strip()).isEqualTo(newest.toString());
  }

  @Test
  void shouldKeepJavaHomeWhenItIs21OrLater() throws Exception {
    Path jdk21 = fakeJdk("jdk-21", 21);
    fakeJdk("jdk-25", 25);
    Result result = select(jdk21);
    assertThat(result.stdout().strip()).isEqualTo(jdk21.toString());
  }

  @Test
  void shouldStopWithAnInstallHintWhenNoJdkFits() throws Exception {
    Path old = fakeJdk("java-17", 17);
    Result result = select(old);
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.stderr()).contains("needs a JDK 21 or newer").contains("install");
  }

  private Path fakeJdk(String name, int major) throws IOException {
    Path bin = Files.createDirectories(jvms.resolve(name).resolve("bin"));
    String java = "#!/bin/sh\necho '    java.specification.version = " + major + "' >&2\n";
    for (String tool : new String[] {"java", "javac"}) {
      Path file = bin.resolve(tool);
      Files.writeString(file, java, StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    return jvms.resolve(name);
  }

  private Result select(Path javaHome) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder("bash", "-c", ". \"$0\" && echo \"$JAVA_HOME\"", SCRIPT.toString());
    Map<String, String> env = builder.environment();
    env.put("JAVA_HOME", javaHome.toString());
    env.put("BASALT_JVM_DIR", jvms.toString());
    Process process = builder.start();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new Result(
        process.exitValue(),
        new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
        new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  private record Result(int exitCode, String stdout, String stderr) {}
}
