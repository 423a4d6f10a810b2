package io.basalt.storage;

import io.basalt.common.types.UInt64;
import io.basalt.storage.codec.Codecs;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The complete layout of a database: its version, its columns and its variables. Ids are unique
 * within columns and within variables (the two id spaces are separate); construction fails on a
 * duplicate id or name. The version is recorded in {@link #SCHEMA_VERSION} when a store is first
 * opened, and stores refuse to open data written with a different version.
 */
public final class Schema {

  /** Reserved variable id 0 in every schema: the version the database was written with. */
  public static final Variable<UInt64> SCHEMA_VERSION =
      Variable.of(0, "SCHEMA_VERSION", Codecs.UINT64);

  private final UInt64 version;
  private final List<Column<?, ?>> columns;
  private final List<Variable<?>> variables;
  private final Map<Integer, Column<?, ?>> columnsById = new HashMap<>();
  private final Map<Integer, Variable<?>> variablesById = new HashMap<>();

  private Schema(UInt64 version, List<Column<?, ?>> columns, List<Variable<?>> variables) {
    this.version = version;
    this.columns = List.copyOf(columns);
    List<Variable<?>> allVariables = new ArrayList<>(variables);
    if (!allVariables.contains(SCHEMA_VERSION)) {
      allVariables.add(0, SCHEMA_VERSION);
    }
    this.variables = Collections.unmodifiableList(allVariables);
    Map<String, Integer> names = new HashMap<>();
    for (Column<?, ?> c : this.columns) {
      requireUnique(columnsById.put(c.id(), c), "column id " + c.id() + " (" + c.name() + ")");
      requireUnique(names.put("column " + c.name(), c.id()), "column name " + c.name());
    }
    for (Variable<?> v : this.variables) {
      requireUnique(variablesById.put(v.id(), v), "variable id " + v.id() + " (" + v.name() + ")");
      requireUnique(names.put("variable " + v.name(), v.id()), "variable name " + v.name());
    }
  }

  /** A schema; {@link #SCHEMA_VERSION} is added to {@code variables} when absent. */
  public static Schema of(long version, List<Column<?, ?>> columns, List<Variable<?>> variables) {
    if (version < 1) {
      throw new IllegalArgumentException("Schema version must be at least 1, was " + version);
    }
    return new Schema(UInt64.valueOf(version), columns, variables);
  }

  public UInt64 version() {
    return version;
  }

  public List<Column<?, ?>> columns() {
    return columns;
  }

  public List<Variable<?>> variables() {
    return variables;
  }

  public Optional<Column<?, ?>> column(int id) {
    return Optional.ofNullable(columnsById.get(id));
  }

  /** Throws {@link IllegalArgumentException} unless {@code column} is the one declared here. */
  public void requireDeclared(Column<?, ?> column) {
    if (!column.equals(columnsById.get(column.id()))) {
      throw new IllegalArgumentException("Column " + column + " is not declared in the schema");
    }
  }

  /** Throws {@link IllegalArgumentException} unless {@code variable} is the one declared here. */
  public void requireDeclared(Variable<?> variable) {
    if (!variable.equals(variablesById.get(variable.id()))) {
      throw new IllegalArgumentException("Variable " + variable + " is not declared in the schema");
    }
  }

  private static void requireUnique(Object previous, String what) {
    if (previous != null) {
      throw new IllegalArgumentException("Duplicate " + what + " in schema");
    }
  }
}
