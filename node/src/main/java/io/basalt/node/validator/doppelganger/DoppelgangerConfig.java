package io.basalt.node.validator.doppelganger;

/**
 * Doppelganger protection: when {@code enabled}, the client signs nothing for {@code epochs} full
 * epochs after it starts and watches whether any of its keys attests meanwhile (which would mean
 * another client holds the key).
 */
public record DoppelgangerConfig(boolean enabled, int epochs) {

  /** Two epochs, as Lighthouse and Teku wait by default. */
  public static final int DEFAULT_EPOCHS = 2;

  public static final DoppelgangerConfig DISABLED = new DoppelgangerConfig(false, DEFAULT_EPOCHS);

  public DoppelgangerConfig {
    if (epochs < 1) {
      throw new IllegalArgumentException("doppelganger epochs must be at least 1, got " + epochs);
    }
  }

  /** Enabled with the default wait. */
  public static DoppelgangerConfig enabledByDefault() {
    return new DoppelgangerConfig(true, DEFAULT_EPOCHS);
  }
}
