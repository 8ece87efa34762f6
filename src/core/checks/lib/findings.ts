/** Small constructors for check findings, so every check words verdicts the same way. */
import type { Evidence } from '../../../shared/model.ts';
import type { CheckFinding } from '../types.ts';

export function pass(message: string, evidence: Evidence[] = []): CheckFinding {
  return { status: 'pass', message, evidence };
}

export function na(message: string): CheckFinding {
  return { status: 'na', message, evidence: [] };
}

export function uncertain(message: string, evidence: Evidence[] = [], extra: Partial<CheckFinding> = {}): CheckFinding {
  return { status: 'uncertain', message, evidence, ...extra };
}

export function fail(message: string, evidence: Evidence[], extra: { measure?: number; kind?: string } = {}): CheckFinding {
  const f: CheckFinding = { status: 'fail', message, evidence };
  if (extra.measure !== undefined) f.measure = extra.measure;
  if (extra.kind !== undefined) f.kind = extra.kind;
  return f;
}

export function isNumber(v: number | null | undefined): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

export function sum(values: number[]): number {
  return Math.round(values.reduce((a, b) => a + b, 0) * 10000) / 10000;
}
