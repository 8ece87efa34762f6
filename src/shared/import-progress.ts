/**
 * Import progress as deltas: the sender remembers how many skipped/errors entries a receiver has seen and
 * sends only the rest; the receiver appends them to what it holds. Used by the service (one cursor for the
 * broadcast to every listener), the web adapter's SSE stream and the renderer's store.
 */
import type { ImportProgress, ImportProgressUpdate } from './api.ts';

export interface SeenEntries {
  skipped: number;
  errors: number;
}

/** The update that brings a receiver holding `seen` entries up to `progress` (a receiver ahead of it gets a snapshot). */
export function progressUpdate(progress: ImportProgress, seen: SeenEntries): ImportProgressUpdate {
  const { skipped, errors, ...counters } = progress;
  // More entries than exist means the receiver holds another history (a restarted server): start over.
  const ahead = seen.skipped > skipped.length || seen.errors > errors.length;
  const skippedFrom = ahead ? 0 : seen.skipped;
  const errorsFrom = ahead ? 0 : seen.errors;
  return { ...counters, skippedFrom, skipped: skipped.slice(skippedFrom), errorsFrom, errors: errors.slice(errorsFrom) };
}

/** A full snapshot of a job, as an update from 0. */
export function progressSnapshot(progress: ImportProgress): ImportProgressUpdate {
  return progressUpdate(progress, { skipped: 0, errors: 0 });
}

/**
 * The receiver's progress after an update, or null when the update starts past what it holds (entries were
 * missed: ask for a snapshot). An update overlapping what it holds replaces the overlap, so a repeated one is harmless.
 */
export function applyProgressUpdate(held: ImportProgress | null, update: ImportProgressUpdate): ImportProgress | null {
  const heldSkipped = held && held.jobId === update.jobId ? held.skipped : [];
  const heldErrors = held && held.jobId === update.jobId ? held.errors : [];
  if (update.skippedFrom > heldSkipped.length || update.errorsFrom > heldErrors.length) return null;
  const { skippedFrom, errorsFrom, skipped, errors, ...counters } = update;
  return {
    ...counters,
    skipped: skippedFrom === heldSkipped.length ? heldSkipped.concat(skipped) : heldSkipped.slice(0, skippedFrom).concat(skipped),
    errors: errorsFrom === heldErrors.length ? heldErrors.concat(errors) : heldErrors.slice(0, errorsFrom).concat(errors),
  };
}

/** The counters of an update with empty lists: what a receiver that missed entries keeps until its snapshot. */
export function withoutEntries(update: ImportProgressUpdate): ImportProgress {
  const { skippedFrom: _s, errorsFrom: _e, ...progress } = update;
  return { ...progress, skipped: [], errors: [] };
}
