package io.basalt.storage;

import io.basalt.common.types.UInt64;
import io.basalt.storage.codec.Codecs;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;

/** A small schema covering every standard codec, for the contract tests. */
public final class TestSchema {

  public static final Column<Bytes, Bytes> RAW = Column.of(1, "RAW", Codecs.BYTES, Codecs.BYTES);
  public static final Column<UInt64, String> BY_SLOT =
      Column.of(2, "BY_SLOT", Codecs.UINT64, Codecs.STRING);
  public static final Column<Long, Long> LONGS = Column.of(3, "LONGS", Codecs.LONG, Codecs.LONG);
  public static final Variable<String> NAME = Variable.of(1, "NAME", Codecs.STRING);
  public static final Variable<UInt64> COUNTER = Variable.of(2, "COUNTER", Codecs.UINT64);

  public static final Schema SCHEMA =
      Schema.of(1, List.of(RAW, BY_SLOT, LONGS), List.of(NAME, COUNTER));

  private TestSchema() {}
}
