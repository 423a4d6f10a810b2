package archfixture.beacon;

/** Fixture: a class of a module that {@code common} must not import. */
public final class Upstream {
  public static int value() {
    return 1;
  }
}
