package io.basalt.node.rpc;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;

/** A JDK WebSocket client that queues every text message it receives. */
final class EthRpcNodeTestSupport {

  private EthRpcNodeTestSupport() {}

  static WebSocket webSocket(RpcTestNode node, String path, BlockingQueue<String> messages) {
    return HttpClient.newHttpClient()
        .newWebSocketBuilder()
        .buildAsync(
            URI.create("ws://127.0.0.1:" + node.port + path),
            new WebSocket.Listener() {
              private final StringBuilder text = new StringBuilder();

              @Override
              public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                  messages.add(text.toString());
                  text.setLength(0);
                }
                ws.request(1);
                return null;
              }
            })
        .join();
  }
}
