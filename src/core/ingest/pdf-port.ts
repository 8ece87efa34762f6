/**
 * The channel between pdf.js's API and its parsing code when both run in this thread.
 *
 * Left to itself, pdf.js in Node sets up a "fake worker" per document whose messages go through
 * `structuredClone` — a third of a millisecond for every page's operator list and ~3 µs for each of the tens
 * of thousands of small stream messages a report makes: 15 % of reading a PDF. The messages are plain data
 * (arrays, plain objects, typed arrays, a few Maps), which `cloneMessage` copies three times faster in
 * JavaScript. A copy is still needed: pdf.js reuses some arrays after sending them (the operator list's
 * fnArray/argsArray are emptied right after each chunk is enqueued).
 */

type Listener = (this: InProcessPort, event: { data: unknown }) => void;

/** One end of an in-process message channel with the shape pdf.js's MessageHandler expects of a port. */
export class InProcessPort {
  peer: InProcessPort | null = null;
  readonly #listeners = new Set<Listener>();
  readonly #delivered = Promise.resolve();

  postMessage(message: unknown, transfer?: readonly unknown[] | null): void {
    const peer = this.peer;
    if (!peer) return;
    const event = { data: cloneMessage(message, transfer) };
    // Asynchronous and in order, as a real port: the sender may go on (and reuse its arrays) first.
    void this.#delivered.then(() => {
      for (const listener of peer.#listeners) listener.call(peer, event);
    });
  }

  addEventListener(type: string, listener: Listener, options?: { signal?: AbortSignal } | null): void {
    if (type !== 'message') return;
    const signal = options?.signal;
    if (signal?.aborted) return;
    this.#listeners.add(listener);
    signal?.addEventListener('abort', () => this.#listeners.delete(listener), { once: true });
  }

  removeEventListener(type: string, listener: Listener): void {
    if (type === 'message') this.#listeners.delete(listener);
  }

  /** Listeners still attached (each open document adds its own; tests check they go again). */
  get listenerCount(): number {
    return this.#listeners.size;
  }

  terminate(): void {
    this.#listeners.clear();
  }
}

/** Two connected ports: what one posts, the other's listeners receive. */
export function createPortPair(): [InProcessPort, InProcessPort] {
  const a = new InProcessPort();
  const b = new InProcessPort();
  a.peer = b;
  b.peer = a;
  return [a, b];
}

/**
 * What `structuredClone(value, { transfer })` returns, for the data pdf.js sends: arrays, plain objects and
 * class instances (copied as plain objects of their own enumerable properties, as structuredClone does),
 * typed arrays, ArrayBuffers, Maps and Sets, with shared and circular references kept. Transferred buffers
 * are handed over instead of copied (the sender gives them up, as with a real transfer). Anything else
 * (Date, RegExp, Error, boxed primitives, functions…) goes to structuredClone itself, which also throws
 * for what cannot be cloned.
 */
export function cloneMessage<T>(value: T, transfer?: readonly unknown[] | null): T {
  const transferred = transfer && transfer.length > 0 ? new Set<unknown>(transfer) : null;
  const copies = new Map<object, unknown>();

  const copy = (v: unknown): unknown => {
    if (typeof v !== 'object' || v === null) return typeof v === 'function' || typeof v === 'symbol' ? structuredClone(v) : v;
    const known = copies.get(v);
    if (known !== undefined) return known;
    if (Array.isArray(v)) {
      const out: unknown[] = new Array<unknown>(v.length);
      copies.set(v, out);
      for (let i = 0; i < v.length; i++) {
        const item: unknown = v[i];
        if (item === undefined && !(i in v)) continue; // a hole stays a hole
        out[i] = copy(item);
      }
      return out;
    }
    if (ArrayBuffer.isView(v)) {
      // As structuredClone: the whole buffer goes (once, shared by all its views), the view keeps its offset.
      const out = transferred?.has(v.buffer) ? v : viewOn(v, copy(v.buffer) as ArrayBuffer);
      copies.set(v, out);
      return out;
    }
    if (isPlainData(v)) {
      const out: Record<string, unknown> = {};
      copies.set(v, out);
      for (const key of Object.keys(v)) out[key] = copy((v as Record<string, unknown>)[key]);
      return out;
    }
    if (v instanceof Map) {
      const out = new Map<unknown, unknown>();
      copies.set(v, out);
      for (const [key, item] of v) out.set(copy(key), copy(item));
      return out;
    }
    if (v instanceof Set) {
      const out = new Set<unknown>();
      copies.set(v, out);
      for (const item of v) out.add(copy(item));
      return out;
    }
    const out = v instanceof ArrayBuffer ? (transferred?.has(v) ? v : v.slice(0)) : structuredClone(v);
    copies.set(v, out);
    return out;
  };
  return copy(value) as T;
}

/** Objects structuredClone copies property by property: anything that is not one of its special kinds. */
function isPlainData(v: object): boolean {
  const proto: unknown = Object.getPrototypeOf(v);
  if (proto === Object.prototype || proto === null) return true;
  return !(
    v instanceof Map ||
    v instanceof Set ||
    v instanceof ArrayBuffer ||
    v instanceof Date ||
    v instanceof RegExp ||
    v instanceof Error ||
    v instanceof Boolean ||
    v instanceof Number ||
    v instanceof String ||
    (typeof SharedArrayBuffer !== 'undefined' && v instanceof SharedArrayBuffer) ||
    (typeof Blob !== 'undefined' && v instanceof Blob)
  );
}

type ViewConstructor = new (buffer: ArrayBuffer, byteOffset: number, length: number) => ArrayBufferView;

/** The same kind of view on `buffer` (a Buffer arrives as a Uint8Array, as with structuredClone). */
function viewOn(view: ArrayBufferView, buffer: ArrayBuffer): ArrayBufferView {
  if (view instanceof DataView) return new DataView(buffer, view.byteOffset, view.byteLength);
  const kind = (view as Uint8Array)[Symbol.toStringTag];
  const Kind = (globalThis as unknown as Record<string, ViewConstructor | undefined>)[kind];
  if (!Kind) return structuredClone(view);
  return new Kind(buffer, view.byteOffset, (view as Uint8Array).length);
}
