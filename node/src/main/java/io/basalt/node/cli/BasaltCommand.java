package io.basalt.node.cli;

import io.basalt.node.config.ConfigException;
import io.basalt.node.config.ConfigFile;
import io.basalt.node.config.ConfigFileLocator;
import io.basalt.node.config.LayeredDefaultProvider;
import io.basalt.node.config.NodeLauncher;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code basalt} root command. {@code run} is built in; the other subcommands are registered in
 * {@link #addSubcommands}. The node itself is plugged in through {@link ServiceLoader}: the first
 * {@link NodeLauncher} on the class path runs it.
 */
@Command(
    name = "basalt",
    mixinStandardHelpOptions = true,
    version = "basalt 0.1.0-SNAPSHOT",
    description = "Basalt: a sharded proof-of-stake Layer-1 node.")
public final class BasaltCommand implements Runnable {

  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    NodeLauncher launcher = discoverLauncher();
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    System.exit(execute(args, launcher, System.getenv(), out, err));
  }

  /**
   * The first {@link NodeLauncher} registered in {@code META-INF/services}, or one whose {@code
   * run} fails with "no node implementation on the classpath".
   */
  public static NodeLauncher discoverLauncher() {
    return ServiceLoader.load(NodeLauncher.class).findFirst().orElseGet(MissingNodeLauncher::new);
  }

  /**
   * Parses {@code args} and runs the chosen subcommand.
   *
   * @param env the environment the {@code BASALT_*} variables are read from
   * @return the exit code: 0 on success, 2 on a usage or configuration error, else the command's
   */
  public static int execute(
      String[] args,
      NodeLauncher launcher,
      Map<String, String> env,
      PrintWriter out,
      PrintWriter err) {
    CommandLine basalt = commandLine(launcher);
    basalt.setOut(out);
    basalt.setErr(err);
    CommandLine run = basalt.getSubcommands().get("run");
    try {
      Optional<Path> file = ConfigFileLocator.find(args, env);
      Map<String, String> fileValues =
          file.isPresent()
              ? ConfigFile.load(file.get(), ConfigFileLocator.knownKeys(run.getCommandSpec()))
              : Map.of();
      run.setDefaultValueProvider(new LayeredDefaultProvider(env, fileValues));
    } catch (ConfigException e) {
      err.println("basalt run: " + e.getMessage());
      return RunCommand.USAGE_ERROR;
    }
    return basalt.execute(args);
  }

  /** The command tree with {@code run} starting the node through {@code launcher}. */
  public static CommandLine commandLine(NodeLauncher launcher) {
    CommandLine basalt = new CommandLine(new BasaltCommand());
    basalt.addSubcommand("run", new RunCommand(launcher));
    addSubcommands(basalt);
    basalt.setParameterExceptionHandler(BasaltCommand::oneLineUsageError);
    basalt.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          // One line for the user; the stack trace is for the logs of whoever threw.
          commandLine
              .getErr()
              .println(commandLine.getCommandSpec().qualifiedName() + ": " + describe(e));
          return 1;
        });
    return basalt;
  }

  // ---------------------------------------------------------------------------------------------
  // The subcommands besides `run`; other modules add theirs through SubcommandProvider.
  // ---------------------------------------------------------------------------------------------
  static void addSubcommands(CommandLine basalt) {
    basalt.addSubcommand("genesis", new GenesisCommand());
    basalt.addSubcommand("keys", new KeysCommand());
    basalt.addSubcommand("slashing-protection", new SlashingProtectionCommand());
    for (SubcommandProvider provider : ServiceLoader.load(SubcommandProvider.class)) {
      basalt.addSubcommand(provider.subcommand());
    }
  }

  private static String describe(Exception e) {
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }

  /** A bad flag or value: one line naming it, and where to look, instead of the whole usage. */
  private static int oneLineUsageError(CommandLine.ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    String name = command.getCommandSpec().qualifiedName();
    command.getErr().println(name + ": " + e.getMessage() + " (see `" + name + " --help`)");
    return RunCommand.USAGE_ERROR;
  }
}
