package io.basalt.testnet.control;

import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.testnet.TestnetException;
import io.basalt.testnet.TestnetInfo;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/** Sends one control command to the launcher running on a data dir. */
public final class ControlClient {

  private ControlClient() {}

  /**
   * Sends {@code line} to the launcher whose {@code testnet.json} is in {@code dataDir}.
   *
   * @return the launcher's answer
   * @throws TestnetException if no launcher answers or it refuses the command
   */
  public static String send(Path dataDir, String line) throws TestnetException {
    JsonNode info = TestnetInfo.read(dataDir);
    JsonNode port = info.get("controlPort");
    if (port == null || !port.canConvertToInt()) {
      throw new TestnetException(
          dataDir.resolve(TestnetInfo.FILE_NAME) + " has no controlPort: is the testnet running?");
    }
    URI uri = URI.create("http://127.0.0.1:" + port.asInt() + ControlServer.PATH);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(uri)
                  .timeout(Duration.ofSeconds(90))
                  .POST(HttpRequest.BodyPublishers.ofString(line))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new TestnetException(response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new TestnetException(
          "no testnet launcher answers on " + uri + " (" + dataDir + "): is it still running?", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TestnetException("interrupted while waiting for the launcher", e);
    }
  }
}
