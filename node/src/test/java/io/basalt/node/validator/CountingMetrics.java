package io.basalt.node.validator;

import io.basalt.node.validator.duties.DutyKind;
import java.util.EnumMap;
import java.util.Map;

/** Counts what the client reports. */
final class CountingMetrics implements ValidatorMetrics {

  final Map<DutyKind, Integer> performed = new EnumMap<>(DutyKind.class);
  final Map<DutyKind, Integer> missed = new EnumMap<>(DutyKind.class);
  final Map<DutyKind, Integer> refused = new EnumMap<>(DutyKind.class);

  @Override
  public void dutyPerformed(DutyKind kind) {
    performed.merge(kind, 1, Integer::sum);
  }

  @Override
  public void dutyMissed(DutyKind kind) {
    missed.merge(kind, 1, Integer::sum);
  }

  @Override
  public void signingRefused(DutyKind kind) {
    refused.merge(kind, 1, Integer::sum);
  }

  int performed(DutyKind kind) {
    return performed.getOrDefault(kind, 0);
  }

  int missed(DutyKind kind) {
    return missed.getOrDefault(kind, 0);
  }

  int refused(DutyKind kind) {
    return refused.getOrDefault(kind, 0);
  }
}
