package io.basalt.storage.codec;

/**
 * Turns values of one type into bytes and back for storage.
 *
 * <p>Contract: {@code decode(encode(v)).equals(v)} for every value. Codecs used for column keys
 * must also preserve order where callers iterate: if {@code a < b} then {@code encode(a)} sorts
 * before {@code encode(b)} as unsigned bytes. {@link #decode} throws {@link CodecException} on
 * bytes it could not have produced. Implementations are stateless and thread-safe.
 */
public interface Codec<T> {

  byte[] encode(T value);

  T decode(byte[] bytes);
}
