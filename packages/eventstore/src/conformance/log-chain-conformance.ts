import { hashLogEntry } from '../log-chain';
import type { EventStore, RecordedEvent } from '../port';
import { freshCategory, freshStream, newEvents, succeed } from './support';

const isIsoUtc = (text: string | undefined): boolean => text !== undefined && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(text) && !Number.isNaN(Date.parse(text));

/**
 * The global chain, for a store that keeps one (`globalChain: true`): every event carries the
 * time it was recorded and its log link, each link names the one before it in the global
 * order, and each hash is `hashLogEntry` of the event after that link. Against a shared server
 * other writers may interleave, so links are checked between events that are neighbours in
 * the log as read, whichever test wrote them.
 */
export const logChainConformance = (store: () => EventStore, timeout: number): void => {
  const neighbours = async (): Promise<readonly RecordedEvent[]> => {
    const category = freshCategory();
    await succeed(store().appendToStream(freshStream(category), newEvents(3), { expectedRevision: 'NO_STREAM' }));
    await succeed(store().appendToStream(freshStream(category), newEvents(2), { expectedRevision: 'NO_STREAM' }));
    return succeed(store().readAll({ filter: { kind: 'streamCategory', categories: [category] } }));
  };

  it('given events appended, then each carries the time it was recorded and a link whose hash covers its fields and the link before it', async () => {
    const written = await neighbours();
    const all = await succeed(store().readAll());
    expect(written).toHaveLength(5);
    for (const event of written) {
      expect(isIsoUtc(event.recordedAt)).toBe(true);
      const index = all.findIndex((candidate) => candidate.eventId === event.eventId);
      const before = all[index - 1];
      expect(event.logLink).toEqual({
        hash: hashLogEntry(event, before?.logLink?.hash),
        ...(before === undefined ? {} : { previousHash: before.logLink?.hash }),
      });
    }
  }, timeout);

  it('given one append of several events, then they are linked one after the other, in their order', async () => {
    const [first, second, third] = await neighbours();
    expect(second?.logLink?.previousHash).toBe(first?.logLink?.hash);
    expect(third?.logLink?.previousHash).toBe(second?.logLink?.hash);
  }, timeout);

  it('given an event, then reading its stream gives the same time and link as reading the global order', async () => {
    const written = await neighbours();
    const [event] = written;
    if (event === undefined) throw new Error('nothing was written');
    const [again] = await succeed(store().readStream(event.streamName, { maxCount: 1 }));
    expect([again?.recordedAt, again?.logLink]).toEqual([event.recordedAt, event.logLink]);
  }, timeout);
};
