type Measure = (value: unknown) => number;

/** One level of the walk: `inner` measures what the value holds. */
const bytesAt = (value: unknown, inner: Measure): number => {
  if (typeof value === 'string') return 16 + value.length * 2;
  if (typeof value === 'bigint') return 24;
  if (value === null || typeof value !== 'object') return 8;
  if (Array.isArray(value)) {
    const items: readonly unknown[] = value;
    let bytes = 32;
    for (const item of items) bytes += 8 + inner(item);
    return bytes;
  }
  if (value instanceof Map) {
    let bytes = 64;
    for (const [key, item] of value) bytes += 24 + inner(key) + inner(item);
    return bytes;
  }
  let bytes = 24;
  for (const key of Object.keys(value)) bytes += 8 + inner(Reflect.get(value, key));
  return bytes;
};

/**
 * An estimate of the memory a folded state keeps alive, for bounding the stream cache in
 * bytes: V8's sizes on a 64-bit machine, rounded up (an object's header and each field's slot,
 * a string's characters at one or two bytes each plus its header). It is an estimate, not a
 * measurement: shared strings are counted once per place they are seen.
 */
export const retainedBytesOf = (value: unknown): number => bytesAt(value, retainedBytesOf);

/**
 * `retainedBytesOf`, remembering what each object came to. A state folded from the one before
 * shares every part the event did not change (the phones list a rename left alone, each phone
 * but the renamed one), and states are never changed in place, so measuring a new state walks
 * only its new parts: the cache measures every state it keeps, on every command.
 */
export const createRetainedBytesMeter = (): Measure => {
  const known = new WeakMap<object, number>();
  const measure: Measure = (value) => {
    if (typeof value !== 'object' || value === null) return bytesAt(value, measure);
    const remembered = known.get(value);
    if (remembered !== undefined) return remembered;
    const bytes = bytesAt(value, measure);
    known.set(value, bytes);
    return bytes;
  };
  return measure;
};

/**
 * What one event costs in a stream's command log: its command id, digest and revision in three
 * arrays, and the id's slot in the index a log asked about more than once builds. Measured with
 * `process.memoryUsage()` over 100,000 entries whose strings were not shared: about 200 bytes
 * each, rounded up.
 */
export const COMMAND_LOG_ENTRY_BYTES = 256;
