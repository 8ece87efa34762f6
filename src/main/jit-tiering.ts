/**
 * V8's tiering thresholds, set for batch work before the parsing workers start.
 *
 * V8 hands a function to its optimising compiler (Turbofan) after ~3,000 calls. That suits a long-lived
 * page; a worker that reads a few hundred reports spends much of its first import compiling: on the
 * 300-file bench each worker ran ~750 Turbofan jobs (4 s of CPU on V8's helper threads, which on two cores
 * take it from the other worker). Many of those functions are only warm (font-table readers, the
 * per-format code paths of pdf.js and mammoth), and some are compiled again and again after deopts. With
 * the threshold raised only the really hot functions — called hundreds of thousands of times in an
 * import — are optimised, a little later: the pool alone read the bench in 6.2–6.7 s instead of 7.0–8.1 s
 * (alternating runs), `npm run bench` took 6.8–7.9 s instead of 7.3–8.4 s, and later imports are no slower.
 *
 * The flags are process-wide and read when an isolate is created, so this runs before the first worker is
 * spawned. An engine without the flag (a future V8) ignores it with a line on stderr.
 */
import v8 from 'node:v8';

const TURBOFAN_INVOCATIONS = 20_000;

let tuned = false;

export function tuneJitForBatchWork(): void {
  if (tuned) return;
  tuned = true;
  v8.setFlagsFromString(`--invocation-count-for-turbofan=${TURBOFAN_INVOCATIONS}`);
}
