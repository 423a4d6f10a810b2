package io.basalt.testnet.status;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Reads a node's status from its Prometheus endpoint. Thread-safe. */
public final class MetricsScraper {

  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  /** The raw samples at {@code metricsUrl}, or empty text when the node does not answer. */
  public PrometheusText scrape(String metricsUrl) {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(metricsUrl)).timeout(TIMEOUT).build(),
              HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200
          ? PrometheusText.parse(response.body())
          : PrometheusText.parse("");
    } catch (IOException e) {
      return PrometheusText.parse("");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return PrometheusText.parse("");
    }
  }

  /** The node's status, or {@link NodeStatus#DOWN} if it does not answer or has no chain yet. */
  public NodeStatus status(String metricsUrl, int shards) {
    PrometheusText metrics = scrape(metricsUrl);
    if (metrics.get("basalt_head_slot").isEmpty()) {
      return NodeStatus.DOWN;
    }
    return NodeStatus.from(metrics, shards);
  }
}
