package io.basalt.storage.support;

/**
 * Raw table numbers used by implementations: a column's table is its id (0..255); all variables
 * share one extra table, keyed by the variable id as a single byte.
 */
public final class Tables {

  public static final int VARIABLES = 256;

  private Tables() {}

  public static byte[] variableKey(int variableId) {
    return new byte[] {(byte) variableId};
  }
}
