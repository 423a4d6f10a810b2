package io.basalt.node.cli;

/**
 * A {@code basalt} subcommand contributed by a module that depends on {@code node} (so {@code node}
 * never depends on it). Implementations are found with {@link java.util.ServiceLoader} through
 * {@code META-INF/services/io.basalt.node.cli.SubcommandProvider} and added under the name their
 * picocli {@code @Command} declares.
 */
public interface SubcommandProvider {

  /** A new picocli command object (annotated with {@code @Command(name = ...)}). */
  Object subcommand();
}
