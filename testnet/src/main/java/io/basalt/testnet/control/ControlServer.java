package io.basalt.testnet.control;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.basalt.testnet.TestnetException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * The launcher's control endpoint on loopback: {@code POST /control} with one command line as the
 * body (see {@link ControlCommands}); answers 200 with the result line, or 400 with the error line.
 * Other terminals reach it through {@code basalt testnet stop|start|kill|partition|heal}, which
 * find the port in {@code testnet.json}.
 */
public final class ControlServer implements AutoCloseable {

  public static final String PATH = "/control";

  private final HttpServer server;

  private ControlServer(HttpServer server) {
    this.server = server;
  }

  /** Serves {@code commands} on a free loopback port. */
  public static ControlServer start(ControlCommands commands) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(PATH, exchange -> handle(exchange, commands));
    // Commands wait for nodes to stop: one at a time, never on the accepting thread.
    server.setExecutor(Executors.newSingleThreadExecutor(r -> daemon(r)));
    server.start();
    return new ControlServer(server);
  }

  private static Thread daemon(Runnable r) {
    Thread thread = new Thread(r, "testnet-control");
    thread.setDaemon(true);
    return thread;
  }

  private static void handle(HttpExchange exchange, ControlCommands commands) throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())) {
        reply(exchange, 405, "use POST with a command line as the body");
        return;
      }
      String line = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      try {
        reply(exchange, 200, commands.execute(line));
      } catch (TestnetException e) {
        reply(exchange, 400, e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        reply(exchange, 503, "interrupted");
      } catch (RuntimeException e) {
        reply(exchange, 500, "control command failed: " + e);
      }
    }
  }

  private static void reply(HttpExchange exchange, int status, String text) throws IOException {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
