package io.basalt.node.metrics;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Serves a registry at {@code http://host:port/metrics} in the Prometheus text format. Start once,
 * stop once; {@link #close} is {@link #stop}.
 */
public final class MetricsServer implements AutoCloseable {
  private final PrometheusRegistry registry;
  private final String host;
  private final int port;
  private HTTPServer server;

  /**
   * @param port the port to bind; 0 picks a free one (read it back with {@link #port()})
   */
  public MetricsServer(PrometheusRegistry registry, String host, int port) {
    this.registry = registry;
    this.host = host;
    this.port = port;
  }

  /**
   * Binds and starts serving.
   *
   * @throws UncheckedIOException if the address cannot be bound (e.g. the port is taken)
   * @throws IllegalStateException if already started
   */
  public synchronized void start() {
    if (server != null) {
      throw new IllegalStateException("metrics server already started");
    }
    try {
      server = HTTPServer.builder().hostname(host).port(port).registry(registry).buildAndStart();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot serve metrics on " + host + ":" + port + ": " + e.getMessage(), e);
    }
  }

  /** The bound port. */
  public synchronized int port() {
    if (server == null) {
      throw new IllegalStateException("metrics server not started");
    }
    return server.getPort();
  }

  /** Stops serving and frees the port; does nothing if not started. */
  public synchronized void stop() {
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  @Override
  public void close() {
    stop();
  }
}
