package io.basalt.storage.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.common.types.ShardId;
import io.basalt.common.types.UInt64;
import io.basalt.storage.Column;
import io.basalt.storage.Schema;
import io.basalt.storage.Variable;
import io.basalt.storage.codec.CodecException;
import io.basalt.storage.codec.Codecs;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

class BasaltSchemaTest {

  private static <T> List<T> declared(Class<T> type) throws IllegalAccessException {
    List<T> found = new ArrayList<>();
    for (Field field : BasaltSchema.class.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && type.isAssignableFrom(field.getType())) {
        found.add(type.cast(field.get(null)));
      }
    }
    return found;
  }

  @Test
  void shouldGiveEveryColumnAUniqueId() throws Exception {
    List<Column<?, ?>> columns = new ArrayList<>();
    declared(Column.class).forEach(c -> columns.add((Column<?, ?>) c));
    assertThat(columns).hasSizeGreaterThanOrEqualTo(12);
    assertThat(columns.stream().map(Column::id)).doesNotHaveDuplicates();
    assertThat(columns.stream().map(Column::name)).doesNotHaveDuplicates();
  }

  @Test
  void shouldGiveEveryVariableAUniqueId() throws Exception {
    List<Variable<?>> variables = new ArrayList<>();
    declared(Variable.class).forEach(v -> variables.add((Variable<?>) v));
    assertThat(variables.stream().map(Variable::id)).doesNotHaveDuplicates();
    assertThat(variables.stream().map(Variable::name)).doesNotHaveDuplicates();
    assertThat(variables).contains(Schema.SCHEMA_VERSION);
  }

  @Test
  void shouldListEveryDeclaredColumnAndVariableInTheSchema() throws Exception {
    assertThat(BasaltSchema.SCHEMA.columns())
        .containsExactlyInAnyOrderElementsOf(
            declared(Column.class).stream().map(c -> (Column<?, ?>) c).toList());
    assertThat(BasaltSchema.SCHEMA.variables())
        .containsExactlyInAnyOrderElementsOf(
            declared(Variable.class).stream().map(v -> (Variable<?>) v).toList());
    assertThat(BasaltSchema.SCHEMA.version()).isEqualTo(UInt64.valueOf(BasaltSchema.VERSION));
  }

  @Test
  void shouldRejectDuplicateIdsWhenBuildingASchema() {
    Column<Bytes, Bytes> a = Column.of(1, "A", Codecs.BYTES, Codecs.BYTES);
    Column<Bytes, Bytes> b = Column.of(1, "B", Codecs.BYTES, Codecs.BYTES);
    assertThatThrownBy(() -> Schema.of(1, List.of(a, b), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("column id 1");
    Variable<String> taken = Variable.of(0, "OTHER", Codecs.STRING);
    assertThatThrownBy(() -> Schema.of(1, List.of(), List.of(taken)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("variable id 0");
    assertThatThrownBy(() -> Column.of(256, "X", Codecs.BYTES, Codecs.BYTES))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Schema.of(0, List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldEncodeShardKeysShardFirst() {
    Bytes32 root = Bytes32.fromHexStringLenient("0x1234");
    ShardRootKey key = new ShardRootKey(ShardId.of(3), root);
    byte[] encoded = ShardRootKey.CODEC.encode(key);
    assertThat(Bytes.wrap(encoded).slice(0, 4)).isEqualTo(ShardRootKey.prefix(ShardId.of(3)));
    assertThat(ShardRootKey.CODEC.decode(encoded)).isEqualTo(key);

    ShardSlotKey slotKey = new ShardSlotKey(ShardId.of(3), UInt64.valueOf(9));
    byte[] slotEncoded = ShardSlotKey.CODEC.encode(slotKey);
    assertThat(Bytes.wrap(slotEncoded).slice(0, 4)).isEqualTo(ShardRootKey.prefix(ShardId.of(3)));
    assertThat(ShardSlotKey.CODEC.decode(slotEncoded)).isEqualTo(slotKey);

    assertThatThrownBy(() -> ShardRootKey.CODEC.decode(new byte[35]))
        .isInstanceOf(CodecException.class);
    assertThatThrownBy(
            () ->
                ShardSlotKey.CODEC.decode(
                    Bytes.fromHexString("0xff000000" + "00".repeat(8)).toArray()))
        .isInstanceOf(CodecException.class)
        .hasMessageContaining("negative");
  }
}
