package io.basalt.node.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Everything {@code basalt run} resolved, after precedence (flags &gt; BASALT_* env &gt; config
 * file &gt; defaults) and validation.
 *
 * <p>Ports may be 0, meaning "any free port" (the node binds and then logs the port it got); tests
 * and local testnets rely on that. Lists are unmodifiable; {@code logLevel} is upper case.
 */
public record NodeOptions(
    Path dataDir, // --data-dir, default ~/.basalt
    Path genesisDir, // --genesis DIR (written by `basalt genesis`): required
    String p2pHost,
    int p2pPort, // --p2p-host 127.0.0.1, --p2p-port 9000
    List<String> bootnodes, // --bootnodes multiaddr,... (each must parse as a Multiaddr with /p2p/)
    int maxPeers, // --max-peers 50
    Optional<Path> validatorKeysDir,
    Optional<Path>
        validatorPasswordsDir, // --validator-keys, --validator-passwords (both or neither)
    boolean doppelgangerDetection, // --doppelganger-detection (default false)
    String graffiti, // --graffiti (≤ 32 UTF-8 bytes)
    boolean metricsEnabled,
    String metricsHost,
    int metricsPort, // --metrics-enabled (default true), 127.0.0.1, 9100
    boolean rpcEnabled,
    String rpcHost,
    int rpcPort,
    List<String> rpcCors, // --rpc-enabled (true), 127.0.0.1, 8545, --rpc-cors
    String logLevel) {} // --log-level INFO|DEBUG|WARN|ERROR|TRACE
