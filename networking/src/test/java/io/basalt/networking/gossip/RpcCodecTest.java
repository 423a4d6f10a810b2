package io.basalt.networking.gossip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

/** Known-answer encodings (derived by hand from rpc.proto) and decoding rules. */
class RpcCodecTest {

  private static Rpc decode(String hex) throws RpcDecodeException {
    return RpcCodec.decode(Bytes.fromHexString(hex).toArrayUnsafe(), RpcLimits.DEFAULT);
  }

  private static String hex(Rpc rpc) {
    return Bytes.wrap(RpcCodec.encode(rpc)).toUnprefixedHexString();
  }

  // RPC{subscriptions: [{subscribe: true, topicid: "a"}], publish: [{data: 01 02, topic: "a"}],
  //     control: {graft: [{topicID: "a"}]}}
  //   0a 05 | 08 01 | 12 01 61                 subscription, 5 bytes
  //   12 07 | 12 02 01 02 | 22 01 61           message: data (field 2), topic (field 4)
  //   1a 05 | 1a 03 | 0a 01 61                 control: graft (field 3) {topicID}
  private static final String SUB_MSG_GRAFT = "0a0508011201611207120201022201611a051a030a0161";

  private static final Rpc SUB_MSG_GRAFT_RPC =
      new Rpc(
          List.of(new Rpc.SubOpts(true, "a")),
          List.of(PubMessage.unsigned("a", Bytes.of(1, 2))),
          new Rpc.Control(List.of(), List.of(), List.of(new Rpc.Graft("a")), List.of()));

  // control: {prune: [{topicID: "a", peers: [{peerID: ab}], backoff: 60}]}
  //   1a 0c | 22 0a | 0a 01 61 | 12 03 0a 01 ab | 18 3c
  private static final String PRUNE = "1a0c220a0a016112030a01ab183c";

  private static final Rpc PRUNE_RPC =
      Rpc.ofControl(
          new Rpc.Control(
              List.of(),
              List.of(),
              List.of(),
              List.of(
                  new Rpc.Prune(
                      "a",
                      List.of(new Rpc.PeerInfo(Optional.of(Bytes.of(0xab)), Optional.empty())),
                      Optional.of(60L)))));

  // control: {ihave: [{topicID: "t", messageIDs: [01]}], iwant: [{messageIDs: [02]}]}
  //   1a 0d | 0a 06 | 0a 01 74 | 12 01 01 | 12 03 | 0a 01 02
  private static final String IHAVE_IWANT = "1a0d0a060a01741201011203 0a0102".replace(" ", "");

  private static final Rpc IHAVE_IWANT_RPC =
      Rpc.ofControl(
          new Rpc.Control(
              List.of(new Rpc.IHave("t", List.of(new MessageId(Bytes.of(1))))),
              List.of(new Rpc.IWant(List.of(new MessageId(Bytes.of(2))))),
              List.of(),
              List.of()));

  @Test
  void encodesKnownAnswers() {
    assertThat(hex(SUB_MSG_GRAFT_RPC)).isEqualTo(SUB_MSG_GRAFT);
    assertThat(hex(PRUNE_RPC)).isEqualTo(PRUNE);
    assertThat(hex(IHAVE_IWANT_RPC)).isEqualTo(IHAVE_IWANT);
    assertThat(hex(Rpc.EMPTY)).isEmpty();
  }

  @Test
  void decodesKnownAnswers() throws RpcDecodeException {
    assertThat(decode(SUB_MSG_GRAFT)).isEqualTo(SUB_MSG_GRAFT_RPC);
    assertThat(decode(PRUNE)).isEqualTo(PRUNE_RPC);
    assertThat(decode(IHAVE_IWANT)).isEqualTo(IHAVE_IWANT_RPC);
    assertThat(decode("")).isEqualTo(Rpc.EMPTY);
  }

  @Test
  void encodesAllMessageFieldsInFieldOrder() {
    PubMessage signed =
        new PubMessage(
            Optional.of(Bytes.of(1)),
            Bytes.of(2),
            Optional.of(Bytes.of(3)),
            "t",
            Optional.of(Bytes.of(5)),
            Optional.of(Bytes.of(6)));
    // from(1) data(2) seqno(3) topic(4) signature(5) key(6)
    assertThat(Bytes.wrap(RpcCodec.encodeMessage(signed)).toUnprefixedHexString())
        .isEqualTo("0a0101" + "120102" + "1a0103" + "220174" + "2a0105" + "320106");
  }

  @Test
  void skipsUnknownFieldsOfEveryWireType() throws RpcDecodeException {
    // top level: field 15 varint, field 16 fixed64, field 17 fixed32, then the PRUNE control whose
    // body ends with an unknown field 5 (IDONTWANT of v1.2) holding one id
    String unknown = "7801" + "8101" + "0102030405060708" + "8d01" + "01020304";
    Rpc rpc = decode(unknown + "1a11220a0a016112030a01ab183c" + "2a030a0101");
    assertThat(rpc).isEqualTo(PRUNE_RPC);
  }

  @Test
  void repeatedControlFieldsAreMerged() throws RpcDecodeException {
    Rpc rpc = decode(PRUNE + IHAVE_IWANT);
    assertThat(rpc.control().prune()).hasSize(1);
    assertThat(rpc.control().ihave()).hasSize(1);
    assertThat(rpc.control().iwant()).hasSize(1);
  }

  @Test
  void rejectsOversizedFrames() {
    byte[] frame = new byte[RpcLimits.DEFAULT.maxRpcBytes() + 1];
    assertThatThrownBy(() -> RpcCodec.decode(frame, RpcLimits.DEFAULT))
        .isInstanceOf(RpcDecodeException.class)
        .extracting(e -> ((RpcDecodeException) e).reason())
        .isEqualTo(RpcDecodeException.Reason.TOO_LARGE);
  }

  @Test
  void rejectsTooManyMessagesAndIds() {
    RpcLimits limits = new RpcLimits(1 << 20, 10, 2, 10, 3, 4);
    Rpc threeMessages =
        Rpc.ofMessages(Collections.nCopies(3, PubMessage.unsigned("a", Bytes.of(1))));
    assertThatThrownBy(() -> RpcCodec.decode(RpcCodec.encode(threeMessages), limits))
        .extracting(e -> ((RpcDecodeException) e).reason())
        .isEqualTo(RpcDecodeException.Reason.LIMIT_EXCEEDED);
    Rpc fourIds =
        Rpc.ofControl(
            new Rpc.Control(
                List.of(),
                List.of(new Rpc.IWant(Collections.nCopies(4, new MessageId(Bytes.of(1))))),
                List.of(),
                List.of()));
    assertThatThrownBy(() -> RpcCodec.decode(RpcCodec.encode(fourIds), limits))
        .extracting(e -> ((RpcDecodeException) e).reason())
        .isEqualTo(RpcDecodeException.Reason.LIMIT_EXCEEDED);
  }

  @Test
  void rejectsInvalidUtf8Topics() {
    // subscription with topic bytes ff fe
    assertThatThrownBy(() -> decode("0a0608011202fffe"))
        .extracting(e -> ((RpcDecodeException) e).reason())
        .isEqualTo(RpcDecodeException.Reason.MALFORMED);
  }

  @Test
  void rejectsTruncatedAndOverlongSubMessages() {
    assertThatThrownBy(() -> decode("0a050801"))
        .extracting(e -> ((RpcDecodeException) e).reason())
        .isEqualTo(RpcDecodeException.Reason.MALFORMED);
    assertThatThrownBy(() -> decode("0affffffff0f"))
        .extracting(e -> ((RpcDecodeException) e).reason())
        .isEqualTo(RpcDecodeException.Reason.MALFORMED);
    assertThatThrownBy(() -> decode("0c")) // end-group without start
        .isInstanceOf(RpcDecodeException.class);
  }

  @Test
  void hugeBackoffIsDecodedAsUnsigned() throws RpcDecodeException {
    // backoff = 2^64 − 1
    Rpc rpc = decode("1a10220e0a016118ffffffffffffffffff01");
    assertThat(rpc.control().prune().get(0).backoffSeconds()).contains(-1L);
  }
}
