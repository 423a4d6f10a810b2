package io.basalt.node.config;

import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The one place where option precedence is implemented: picocli asks this provider for the default
 * of every option the command line did not set, and it answers from the environment ({@code
 * BASALT_<OPTION>}) first, then the config file, and otherwise leaves the option's declared
 * default. Flags &gt; env &gt; file &gt; defaults follows.
 *
 * <p>Values are strings in command-line syntax (lists comma-separated), so picocli converts and
 * splits them exactly as it does flags, and conversion errors name the option.
 */
public final class LayeredDefaultProvider implements IDefaultValueProvider {
  private final Map<String, String> env;
  private final Map<String, String> fileValues;

  /**
   * @param env the process environment (injected so tests need not touch the real one)
   * @param fileValues config-file values by key (option name without dashes), from {@link
   *     ConfigFile#load}
   */
  public LayeredDefaultProvider(Map<String, String> env, Map<String, String> fileValues) {
    this.env = Map.copyOf(env);
    this.fileValues = Map.copyOf(fileValues);
  }

  @Override
  public String defaultValue(ArgSpec argSpec) {
    if (!(argSpec instanceof OptionSpec option) || option.usageHelp() || option.versionHelp()) {
      return null;
    }
    String name = option.longestName();
    String fromEnv = env.get(EnvNames.envName(name));
    if (fromEnv != null) {
      return fromEnv;
    }
    return fileValues.get(EnvNames.fileKey(name));
  }
}
