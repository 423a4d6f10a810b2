package archfixture.common;

import archfixture.beacon.Upstream;

/** Fixture: breaks the module table on purpose, so the rule is shown to catch it. */
public final class Leaky {
  public static int leak() {
    return Upstream.value();
  }
}
