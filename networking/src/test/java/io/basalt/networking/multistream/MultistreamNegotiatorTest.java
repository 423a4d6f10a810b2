package io.basalt.networking.multistream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.networking.encoding.UnsignedVarint;
import io.basalt.networking.encoding.VarintFrames;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultistreamNegotiatorTest {

  private static final String NOISE = "/noise";
  private static final String YAMUX = "/yamux/1.0.0";
  private static final String MPLEX = "/mplex/6.7.0";

  @Test
  void shouldEncodeMessagesAsLengthPrefixedLines() {
    // 0x13 = 19 = "/multistream/1.0.0" (18 bytes) + newline
    assertThat(HexFormat.of().formatHex(MultistreamMessages.encode("/multistream/1.0.0")))
        .isEqualTo(
            "13"
                + HexFormat.of()
                    .formatHex("/multistream/1.0.0\n".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void shouldAgreeOnTheFirstProposalInOneRoundTrip() {
    MultistreamInitiator initiator = new MultistreamInitiator(List.of(NOISE));
    MultistreamResponder responder = new MultistreamResponder(List.of(NOISE));
    assertThat(responder.start()).isEmpty();
    // Header and proposal arrive together, as js-libp2p sends them.
    NegotiationStep answer = responder.receive(initiator.start());
    assertThat(answer.protocol()).contains(NOISE);
    assertThat(answer.output())
        .isEqualTo(
            concat(
                MultistreamMessages.encode(MultistreamMessages.PROTOCOL_ID),
                MultistreamMessages.encode(NOISE)));
    NegotiationStep done = initiator.receive(answer.output());
    assertThat(done.protocol()).contains(NOISE);
    assertThat(done.output()).isEmpty();
  }

  @Test
  void shouldFallBackToTheNextProposalAfterNa() {
    MultistreamInitiator initiator = new MultistreamInitiator(List.of(MPLEX, YAMUX));
    MultistreamResponder responder = new MultistreamResponder(List.of(YAMUX));
    NegotiationStep first = responder.receive(initiator.start());
    assertThat(first.isComplete()).isFalse();
    assertThat(first.output()).endsWith(MultistreamMessages.encode("na"));
    NegotiationStep retry = initiator.receive(first.output());
    assertThat(retry.output()).isEqualTo(MultistreamMessages.encode(YAMUX));
    NegotiationStep agreed = responder.receive(retry.output());
    assertThat(agreed.protocol()).contains(YAMUX);
    assertThat(initiator.receive(agreed.output()).protocol()).contains(YAMUX);
  }

  @Test
  void shouldFailClearlyWithoutACommonProtocol() {
    MultistreamInitiator initiator = new MultistreamInitiator(List.of(MPLEX));
    MultistreamResponder responder = new MultistreamResponder(List.of(YAMUX));
    NegotiationStep answer = responder.receive(initiator.start());
    assertThatThrownBy(() -> initiator.receive(answer.output()))
        .isInstanceOfSatisfying(
            MultistreamException.class,
            e -> assertThat(e.reason()).isEqualTo(MultistreamException.Reason.NO_COMMON_PROTOCOL))
        .hasMessageContaining(MPLEX);
    assertThatThrownBy(() -> initiator.receive(new byte[0]))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void shouldHandBackBytesPipelinedAfterTheAgreement() {
    MultistreamResponder responder = new MultistreamResponder(List.of(NOISE));
    byte[] noiseHello = {0, 32, 1, 2, 3};
    NegotiationStep step =
        responder.receive(concat(new MultistreamInitiator(List.of(NOISE)).start(), noiseHello));
    assertThat(step.protocol()).contains(NOISE);
    assertThat(step.remaining()).isEqualTo(noiseHello);
  }

  @Test
  void shouldAcceptInputSplitAtEveryByte() {
    MultistreamInitiator initiator = new MultistreamInitiator(List.of(MPLEX, NOISE));
    MultistreamResponder responder = new MultistreamResponder(List.of(NOISE));
    byte[] opening = initiator.start();
    java.io.ByteArrayOutputStream answers = new java.io.ByteArrayOutputStream();
    for (byte b : opening) {
      answers.writeBytes(responder.receive(new byte[] {b}).output());
    }
    byte[] reply = answers.toByteArray();
    NegotiationStep retry = null;
    for (byte b : reply) {
      retry = initiator.receive(new byte[] {b});
    }
    assertThat(retry.output()).isEqualTo(MultistreamMessages.encode(NOISE));
    assertThat(responder.receive(retry.output()).protocol()).contains(NOISE);
  }

  @Test
  void shouldAnswerLsWithTheSupportedProtocols() {
    MultistreamResponder responder = new MultistreamResponder(List.of(NOISE, YAMUX));
    responder.receive(MultistreamMessages.encode(MultistreamMessages.PROTOCOL_ID));
    byte[] answer = responder.receive(MultistreamMessages.encode("ls")).output();
    byte[] body = VarintFrames.read(java.nio.ByteBuffer.wrap(answer), 1024).orElseThrow();
    assertThat(body)
        .isEqualTo(
            concat(
                concat(MultistreamMessages.encode(NOISE), MultistreamMessages.encode(YAMUX)),
                new byte[] {'\n'}));
  }

  @Test
  void shouldRejectAPeerThatIsNotSpeakingMultistream() {
    MultistreamResponder responder = new MultistreamResponder(List.of(NOISE));
    assertThatThrownBy(() -> responder.receive(MultistreamMessages.encode("/multistream/2.0.0")))
        .isInstanceOfSatisfying(
            MultistreamException.class,
            e -> assertThat(e.reason()).isEqualTo(MultistreamException.Reason.NOT_MULTISTREAM));
  }

  @Test
  void shouldRejectAMessageWithoutNewline() {
    byte[] noNewline = VarintFrames.encode("/multistream/1.0.0".getBytes(StandardCharsets.UTF_8));
    assertReason(
        new MultistreamResponder(List.of(NOISE)),
        noNewline,
        MultistreamException.Reason.MALFORMED_MESSAGE);
    assertReason(
        new MultistreamResponder(List.of(NOISE)),
        new byte[] {0},
        MultistreamException.Reason.MALFORMED_MESSAGE);
  }

  @Test
  void shouldRejectAnOversizeLineFromItsLengthPrefix() {
    byte[] prefix = UnsignedVarint.encode(MultistreamMessages.MAX_MESSAGE_LENGTH + 1);
    assertReason(
        new MultistreamResponder(List.of(NOISE)),
        prefix,
        MultistreamException.Reason.MESSAGE_TOO_LONG);
  }

  @Test
  void shouldRejectInvalidUtf8() {
    byte[] badUtf8 = VarintFrames.encode(new byte[] {(byte) 0xC3, (byte) 0x28, '\n'});
    assertReason(
        new MultistreamResponder(List.of(NOISE)),
        badUtf8,
        MultistreamException.Reason.MALFORMED_MESSAGE);
  }

  @Test
  void shouldRejectAnAnswerThatIsNeitherTheProposalNorNa() {
    MultistreamInitiator initiator = new MultistreamInitiator(List.of(NOISE));
    initiator.start();
    byte[] reply =
        concat(
            MultistreamMessages.encode(MultistreamMessages.PROTOCOL_ID),
            MultistreamMessages.encode(YAMUX));
    assertReason(initiator, reply, MultistreamException.Reason.MALFORMED_MESSAGE);
  }

  @Test
  void shouldStopAPeerThatProposesForever() {
    MultistreamResponder responder = new MultistreamResponder(List.of(NOISE));
    java.io.ByteArrayOutputStream flood = new java.io.ByteArrayOutputStream();
    flood.writeBytes(MultistreamMessages.encode(MultistreamMessages.PROTOCOL_ID));
    for (int i = 0; i < MultistreamNegotiator.MAX_ATTEMPTS; i++) {
      flood.writeBytes(MultistreamMessages.encode("/unknown/" + i));
    }
    assertReason(responder, flood.toByteArray(), MultistreamException.Reason.TOO_MANY_ATTEMPTS);
  }

  private static void assertReason(
      MultistreamNegotiator negotiator, byte[] input, MultistreamException.Reason reason) {
    assertThatThrownBy(() -> negotiator.receive(input))
        .isInstanceOfSatisfying(
            MultistreamException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
