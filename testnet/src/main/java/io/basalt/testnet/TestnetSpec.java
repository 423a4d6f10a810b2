package io.basalt.testnet;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@code basalt testnet} was asked for, before any check against the machine.
 *
 * @param nodes validator nodes started at once; validators are split evenly over them
 * @param validators genesis validators
 * @param shards SHARD_COUNT (overrides the preset's)
 * @param preset spec preset name ({@code local} or {@code mainnet})
 * @param dataDir where the genesis, every node's data dir and {@code testnet.json} go
 * @param ports the port rule
 * @param nodeHeap each node's {@code -Xmx} value, e.g. {@code 768m}
 * @param genesisDelaySeconds genesis this long after the launcher writes it, so every node is up
 * @param loadAccounts extra accounts of the dev mnemonic (indices 10 and up) funded for the load
 *     generator; 0 when no load is wanted
 */
public record TestnetSpec(
    int nodes,
    int validators,
    int shards,
    String preset,
    Path dataDir,
    PortLayout ports,
    String nodeHeap,
    int genesisDelaySeconds,
    int loadAccounts) {

  public static final int DEFAULT_NODES = 4;
  public static final int DEFAULT_VALIDATORS = 128;
  public static final int DEFAULT_SHARDS = 4;
  public static final String DEFAULT_PRESET = "local";
  public static final Path DEFAULT_DATA_DIR = Path.of("testnet-data");
  public static final String DEFAULT_NODE_HEAP = "768m";

  public TestnetSpec {
    Objects.requireNonNull(preset, "preset");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(ports, "ports");
    Objects.requireNonNull(nodeHeap, "nodeHeap");
  }

  /** The defaults of {@code basalt testnet}: 4 nodes, 128 validators, 4 shards, local preset. */
  public static TestnetSpec defaults() {
    return new TestnetSpec(
        DEFAULT_NODES,
        DEFAULT_VALIDATORS,
        DEFAULT_SHARDS,
        DEFAULT_PRESET,
        DEFAULT_DATA_DIR,
        PortLayout.DEFAULT,
        DEFAULT_NODE_HEAP,
        defaultGenesisDelay(DEFAULT_NODES),
        0);
  }

  /** Enough for every node's JVM to start and load its keys on a slow machine. */
  public static int defaultGenesisDelay(int nodes) {
    return 10 + 3 * nodes;
  }

  public TestnetSpec withDataDir(Path dir) {
    return new TestnetSpec(
        nodes, validators, shards, preset, dir, ports, nodeHeap, genesisDelaySeconds, loadAccounts);
  }

  public TestnetSpec withPorts(PortLayout layout) {
    return new TestnetSpec(
        nodes,
        validators,
        shards,
        preset,
        dataDir,
        layout,
        nodeHeap,
        genesisDelaySeconds,
        loadAccounts);
  }
}
