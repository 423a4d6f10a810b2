package io.basalt.networking.reqresp;

import static io.basalt.networking.host.TestHosts.address;
import static io.basalt.networking.host.TestHosts.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.networking.host.Host;
import io.basalt.networking.host.TestHosts;
import io.basalt.networking.peers.Misbehaviour;
import io.basalt.networking.reqresp.ReqRespException.Kind;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReqRespTest {
  private static final String ID = "/basalt/req/test/1/ssz_snappy";

  private final TestHosts hosts = new TestHosts();
  private final List<Misbehaviour> reported = new CopyOnWriteArrayList<>();
  private Host server;
  private Host client;
  private ReqResp serverRpc;
  private ReqResp clientRpc;

  @BeforeEach
  void connect() {
    server = hosts.listening();
    client = hosts.listening();
    serverRpc = new ReqResp(server, (peer, m, reason) -> reported.add(m));
    clientRpc = new ReqResp(client, (peer, m, reason) -> reported.add(m));
    await(client.dial(address(server)));
  }

  @AfterEach
  void close() {
    serverRpc.close();
    clientRpc.close();
    hosts.close();
  }

  private static void assertFails(ThrowingCallable call, Kind kind, ResponseCode code) {
    assertThatThrownBy(call)
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOfSatisfying(
            ReqRespException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(kind);
              if (code != null) {
                assertThat(e.responseCode()).contains(code);
              }
            });
  }

  @Test
  void shouldReturnEveryChunk() {
    ReqRespProtocol protocol = ReqRespProtocol.of(ID, 1 << 20, 10);
    serverRpc.register(
        protocol,
        (peer, request, response) -> {
          assertThat(peer).isEqualTo(client.peerId());
          for (int i = 0; i < 3; i++) {
            byte[] chunk = new byte[request.length + i];
            System.arraycopy(request, 0, chunk, 0, request.length);
            response.respond(chunk);
          }
          response.complete();
        });
    byte[] request = new byte[300_000];
    request[299_999] = 42;

    List<byte[]> chunks = await(clientRpc.request(server.peerId(), protocol, request));

    assertThat(chunks).hasSize(3);
    assertThat(chunks.get(2)).hasSize(300_002);
    assertThat(chunks.get(0)[299_999]).isEqualTo((byte) 42);
  }

  @Test
  void shouldDeliverEachErrorCode() {
    for (ResponseCode code :
        List.of(
            ResponseCode.INVALID_REQUEST,
            ResponseCode.SERVER_ERROR,
            ResponseCode.RESOURCE_UNAVAILABLE)) {
      ReqRespProtocol protocol = ReqRespProtocol.of(ID + code, 1000, 1);
      serverRpc.register(
          protocol, (peer, request, response) -> response.error(code, "no: " + code));

      assertFails(
          () ->
              clientRpc
                  .request(server.peerId(), protocol, new byte[] {1})
                  .get(10, TimeUnit.SECONDS),
          Kind.ERROR_RESPONSE,
          code);
    }
  }

  @Test
  void shouldAnswerServerErrorWhenTheHandlerThrows() {
    ReqRespProtocol protocol = ReqRespProtocol.of(ID, 1000, 1);
    serverRpc.register(
        protocol,
        (peer, request, response) -> {
          throw new IllegalStateException("boom");
        });

    assertFails(
        () -> clientRpc.request(server.peerId(), protocol, new byte[3]).get(10, TimeUnit.SECONDS),
        Kind.ERROR_RESPONSE,
        ResponseCode.SERVER_ERROR);
  }

  @Test
  void shouldRejectOversizeRequestsOnBothSides() {
    ReqRespProtocol small = ReqRespProtocol.of(ID, 100, 1);
    ReqRespProtocol large = ReqRespProtocol.of(ID, 10_000, 1);
    serverRpc.register(small, (peer, request, response) -> response.complete());

    assertFails(
        () -> clientRpc.request(server.peerId(), small, new byte[101]).get(10, TimeUnit.SECONDS),
        Kind.PAYLOAD_TOO_LARGE,
        null);
    assertFails(
        () -> clientRpc.request(server.peerId(), large, new byte[5000]).get(10, TimeUnit.SECONDS),
        Kind.ERROR_RESPONSE,
        ResponseCode.INVALID_REQUEST);
    assertThat(reported).contains(Misbehaviour.LOW_TOLERANCE);
  }

  @Test
  void shouldAnswerResourceUnavailableOverTheRateLimit() {
    ReqRespProtocol protocol =
        ReqRespProtocol.of(ID, 100, 1).withRateLimit(new RateLimit(2, 0.001));
    serverRpc.register(
        protocol,
        (peer, request, response) -> {
          response.respond(request);
          response.complete();
        });

    assertThat(await(clientRpc.request(server.peerId(), protocol, new byte[] {7}))).hasSize(1);
    assertThat(await(clientRpc.request(server.peerId(), protocol, new byte[] {7}))).hasSize(1);
    assertFails(
        () ->
            clientRpc.request(server.peerId(), protocol, new byte[] {7}).get(10, TimeUnit.SECONDS),
        Kind.ERROR_RESPONSE,
        ResponseCode.RESOURCE_UNAVAILABLE);
    assertThat(reported).contains(Misbehaviour.HIGH_TOLERANCE);
  }

  @Test
  void shouldTimeOutWithoutFirstByte() {
    ReqRespProtocol protocol =
        ReqRespProtocol.of(ID, 100, 1).withTimeouts(Duration.ofMillis(300), Duration.ofSeconds(5));
    serverRpc.register(protocol, (peer, request, response) -> {});

    assertFails(
        () -> clientRpc.request(server.peerId(), protocol, new byte[1]).get(10, TimeUnit.SECONDS),
        Kind.FIRST_BYTE_TIMEOUT,
        null);
  }

  @Test
  void shouldTimeOutASlowResponse() {
    ReqRespProtocol protocol =
        ReqRespProtocol.of(ID, 100, 5).withTimeouts(Duration.ofSeconds(5), Duration.ofMillis(400));
    serverRpc.register(protocol, (peer, request, response) -> response.respond(new byte[1]));

    assertFails(
        () -> clientRpc.request(server.peerId(), protocol, new byte[1]).get(10, TimeUnit.SECONDS),
        Kind.TIMEOUT,
        null);
  }

  @Test
  void shouldRefuseMoreChunksThanAllowed() {
    ReqRespProtocol many = ReqRespProtocol.of(ID, 100, 5);
    ReqRespProtocol few = ReqRespProtocol.of(ID, 100, 2);
    serverRpc.register(
        many,
        (peer, request, response) -> {
          for (int i = 0; i < 5; i++) {
            response.respond(new byte[] {(byte) i});
          }
          response.complete();
        });

    assertFails(
        () -> clientRpc.request(server.peerId(), few, new byte[1]).get(10, TimeUnit.SECONDS),
        Kind.TOO_MANY_CHUNKS,
        null);
  }

  @Test
  void shouldFailWhenTheProtocolIsNotServed() {
    assertFails(
        () ->
            clientRpc
                .request(server.peerId(), ReqRespProtocol.of("/nope/1", 10, 1), new byte[1])
                .get(10, TimeUnit.SECONDS),
        Kind.STREAM_FAILED,
        null);
  }
}
