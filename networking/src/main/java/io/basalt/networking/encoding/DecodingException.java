package io.basalt.networking.encoding;

/** Bytes that are not a valid varint or length-prefixed frame. */
public class DecodingException extends RuntimeException {

  public DecodingException(String message) {
    super(message);
  }
}
