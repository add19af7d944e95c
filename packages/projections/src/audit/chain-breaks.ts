import type { TamperKind } from './verify';

/**
 * How one hash chain reads its events: a stream's own chain (`metadata.hash` and
 * `previousHash`) or the store's global chain (`logLink`). The checks that tell the kinds of
 * tampering apart are the same for both; only the fields and the words differ.
 */
export type ChainView<E> = Readonly<{
  hashOf: (event: E) => string | undefined;
  previousHashOf: (event: E) => string | undefined;
  /** Whether the event's content still gives the hash it carries. */
  matchesContent: (event: E) => boolean;
  /** How the `index`th event is named in a detail: "revision 3", "position 17". */
  placeOf: (index: number) => string;
  /** "stream" or "log". */
  whole: string;
  /** What is said of an event that carries no hash at all. */
  noHash: string;
}>;

export type ChainBreak = Readonly<{ index: number; kind: TamperKind; detail: string }>;

/**
 * The first place the chain breaks, or undefined. The checks run in an order that tells the
 * kinds apart: a link pointing forward means events were reordered; an event that the next
 * one links over was inserted; a hash that does not match the content means the event was
 * altered; a link to a hash nowhere in the chain means what it pointed to was removed (or
 * rewritten with a fresh hash, which looks the same from the chain alone).
 */
export const firstBreak = <E>(events: readonly E[], view: ChainView<E>, onEach: () => void = () => undefined): ChainBreak | undefined => {
  const indexByHash = new Map<string, number>();
  events.forEach((event, index) => {
    const hash = view.hashOf(event);
    if (hash !== undefined && !indexByHash.has(hash)) indexByHash.set(hash, index);
  });
  const start = `the start of the ${view.whole}`;

  for (let i = 0; i < events.length; i += 1) {
    onEach();
    const event = events[i];
    if (event === undefined) break;
    const previous = events[i - 1];
    const expectedPrevious = previous === undefined ? undefined : view.hashOf(previous);
    const claimedPrevious = view.previousHashOf(event);

    const linkedTo = claimedPrevious === undefined ? undefined : indexByHash.get(claimedPrevious);
    if (linkedTo !== undefined && linkedTo >= i) {
      return { index: i, kind: 'REORDERED', detail: `it links to the event now at ${view.placeOf(linkedTo)}, which should come before it` };
    }
    const next = events[i + 1];
    const hash = view.hashOf(event);
    if (next !== undefined && view.previousHashOf(next) === expectedPrevious && hash !== expectedPrevious) {
      return { index: i, kind: 'INSERTED', detail: `the event after it links over it, to ${previous === undefined ? start : view.placeOf(i - 1)}` };
    }
    if (hash === undefined) return { index: i, kind: 'ALTERED', detail: view.noHash };
    if (!view.matchesContent(event)) return { index: i, kind: 'ALTERED', detail: 'its content no longer matches its hash' };
    if (claimedPrevious === expectedPrevious) continue;
    if (linkedTo !== undefined && linkedTo < i - 1) {
      return events[linkedTo + 1] === undefined
        ? { index: i, kind: 'INSERTED', detail: `it links back to ${view.placeOf(linkedTo)}` }
        : { index: linkedTo + 1, kind: 'INSERTED', detail: `no later event links to it: ${view.placeOf(i)} links back to ${view.placeOf(linkedTo)}` };
    }
    return {
      index: i,
      kind: 'REMOVED',
      detail:
        claimedPrevious === undefined
          ? `it claims to be the first event of the ${view.whole}, but it is not`
          : previous === undefined
            ? `it links to an earlier event that is no longer in the ${view.whole}`
            : `the event it links to is no longer in the ${view.whole} (removed, or rewritten with a fresh hash)`,
    };
  }
  return undefined;
};
