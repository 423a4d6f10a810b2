package io.basalt.node.cli;

import picocli.CommandLine;

/**
 * A bad option value found after parsing. picocli reports it like its own conversion errors; with
 * {@link OneLineErrors} installed the user sees exactly one line naming the option.
 */
final class UsageError extends CommandLine.ParameterException {

  UsageError(CommandLine commandLine, String option, String problem) {
    super(commandLine, "Invalid value for option '" + option + "': " + problem);
  }
}
