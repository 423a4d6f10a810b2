package io.basalt.common.ssz;

import io.basalt.common.ssz.tree.GIndex;
import io.basalt.common.ssz.tree.Node;
import io.basalt.common.ssz.tree.Trees;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * An SSZ container whose Java value is (usually) a record. Declared once per type:
 *
 * <pre>{@code
 * record Checkpoint(UInt64 epoch, Bytes32 root) {
 *   static final ContainerSchema<Checkpoint> SSZ =
 *       ContainerSchema.ofRecord(Checkpoint.class,
 *           field("epoch", UINT64, Checkpoint::epoch),
 *           field("root", BYTES32, Checkpoint::root));
 * }
 * }</pre>
 *
 * <p>The fields are the record's components in order, by name; this is checked when the schema is
 * made, so a wrong declaration fails at class initialization rather than at first use. Fields of
 * tree-backed view types ({@link ListSchema#view()}, {@link VectorSchema#view()}) contribute their
 * backing tree as is, so re-hashing a container after a small change to a large list re-hashes only
 * the changed path.
 */
public final class ContainerSchema<R> implements SszSchema<R>, CompositeSchema {

  private final String name;
  private final List<Field<R, ?>> fields;
  private final Function<Object[], R> factory;
  private final int depth;
  private final boolean fixed;
  private final int fixedSize;

  private ContainerSchema(String name, List<Field<R, ?>> fields, Function<Object[], R> factory) {
    if (fields.isEmpty()) {
      throw new IllegalArgumentException("Container " + name + " needs at least one field");
    }
    this.name = name;
    this.fields = List.copyOf(fields);
    this.factory = factory;
    this.depth = Trees.depthFor(fields.size());
    this.fixed = fields.stream().allMatch(f -> f.schema().isFixedSize());
    this.fixedSize = fixed ? fields.stream().mapToInt(f -> f.schema().fixedSize()).sum() : -1;
  }

  /**
   * A container built from the field values, in declaration order, by {@code factory}: for
   * non-record value types.
   */
  @SafeVarargs
  public static <R> ContainerSchema<R> of(
      String name, Function<Object[], R> factory, Field<R, ?>... fields) {
    return new ContainerSchema<>(name, Arrays.asList(fields), factory);
  }

  /** A container whose value is the record {@code type}, with one field per component. */
  @SafeVarargs
  public static <R extends Record> ContainerSchema<R> ofRecord(
      Class<R> type, Field<R, ?>... fields) {
    RecordComponent[] components = type.getRecordComponents();
    if (components.length != fields.length) {
      throw new IllegalArgumentException(
          type.getSimpleName()
              + " has "
              + components.length
              + " components, "
              + fields.length
              + " fields declared");
    }
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      if (!components[i].getName().equals(fields[i].name())) {
        throw new IllegalArgumentException(
            type.getSimpleName()
                + " component "
                + i
                + " is "
                + components[i].getName()
                + ", field declared as "
                + fields[i].name());
      }
      types[i] = components[i].getType();
    }
    MethodHandle constructor;
    try {
      constructor =
          MethodHandles.publicLookup()
              .findConstructor(type, MethodType.methodType(void.class, types))
              .asSpreader(Object[].class, types.length)
              .asType(MethodType.methodType(Object.class, Object[].class));
    } catch (ReflectiveOperationException e) {
      try {
        constructor =
            MethodHandles.privateLookupIn(type, MethodHandles.lookup())
                .findConstructor(type, MethodType.methodType(void.class, types))
                .asSpreader(Object[].class, types.length)
                .asType(MethodType.methodType(Object.class, Object[].class));
      } catch (ReflectiveOperationException e2) {
        throw new IllegalArgumentException(
            "Cannot reach the canonical constructor of "
                + type.getName()
                + "; make the record public or open its package",
            e2);
      }
    }
    MethodHandle ctor = constructor;
    return new ContainerSchema<>(
        type.getSimpleName(),
        Arrays.asList(fields),
        args -> {
          try {
            return type.cast((Object) ctor.invokeExact(args));
          } catch (RuntimeException | Error e) {
            throw e;
          } catch (Throwable t) {
            throw new IllegalStateException(t);
          }
        });
  }

  public String name() {
    return name;
  }

  public List<Field<R, ?>> fields() {
    return fields;
  }

  private List<SszSchema<?>> schemas() {
    List<SszSchema<?>> schemas = new ArrayList<>(fields.size());
    for (Field<R, ?> field : fields) {
      schemas.add(field.schema());
    }
    return schemas;
  }

  private Object[] values(R value) {
    Object[] values = new Object[fields.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = fields.get(i).getter().apply(value);
    }
    return values;
  }

  @Override
  public boolean isFixedSize() {
    return fixed;
  }

  @Override
  public int fixedSize() {
    if (!fixed) {
      throw new UnsupportedOperationException(name + " is variable-size");
    }
    return fixedSize;
  }

  @Override
  public void encode(R value, SszWriter out) {
    SequenceCodec.encode(schemas(), Arrays.asList(values(value)), out);
  }

  @Override
  public R decode(byte[] data, int offset, int length) {
    Object[] values = SequenceCodec.decode(schemas(), data, offset, length, name).toArray();
    try {
      return factory.apply(values);
    } catch (RuntimeException e) {
      throw new SszDecodingException(name + " rejected its decoded fields: " + e.getMessage(), e);
    }
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Node toTree(R value) {
    List<Node> nodes = new ArrayList<>(fields.size());
    for (Field<R, ?> field : fields) {
      SszSchema schema = field.schema();
      nodes.add(schema.toTree(field.getter().apply(value)));
    }
    return Trees.fromNodes(nodes, depth);
  }

  @Override
  public R fromTree(Node node) {
    Object[] values = new Object[fields.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = fields.get(i).schema().fromTree(node.get(GIndex.atDepth(depth, i)));
    }
    return factory.apply(values);
  }

  @Override
  public boolean hasLengthMixIn() {
    return false;
  }

  @Override
  public int dataDepth() {
    return depth;
  }

  @Override
  public PathStep step(Object pathElement) {
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).name().equals(pathElement)) {
        SszSchema<?> schema = fields.get(i).schema();
        return new PathStep(i, schema instanceof BasicSchema<?> ? null : schema);
      }
    }
    throw new IllegalArgumentException(name + " has no field " + pathElement);
  }

  @Override
  public String toString() {
    return name;
  }
}
