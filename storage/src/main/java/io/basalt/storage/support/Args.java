package io.basalt.storage.support;

/** Argument checks that fail with a clear {@link IllegalArgumentException}. */
public final class Args {

  private Args() {}

  public static <T> T notNull(T value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    return value;
  }
}
