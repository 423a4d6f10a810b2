package io.basalt.node.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Reports a command-line error as one line on stderr (no usage dump), exit code 2. Install it with
 * {@link #install(CommandLine)} on the command line that executes.
 */
public final class OneLineErrors implements CommandLine.IParameterExceptionHandler {

  /** Sets this handler on {@code commandLine} and returns it. */
  public static CommandLine install(CommandLine commandLine) {
    return commandLine.setParameterExceptionHandler(new OneLineErrors());
  }

  @Override
  public int handleParseException(CommandLine.ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println(cmd.getCommandName() + ": " + ex.getMessage());
    err.flush();
    return cmd.getCommandSpec().exitCodeOnInvalidInput();
  }
}
