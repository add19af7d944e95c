import * as E from 'fp-ts/Either';
import { createInMemoryEventStore } from '@ssp/eventstore';
import { countingConflicts } from './conflict-counter';

const event = { eventId: '5a0c0c3e-8f4e-4d2b-9a57-0e3c1b8d2f64', type: 'Noted', data: {}, metadata: {} };

describe('countingConflicts', () => {
  it('given an append at a stale revision, when it is refused, then one conflict is counted and the refusal passes through', async () => {
    const { store, conflicts } = countingConflicts(createInMemoryEventStore());
    expect(E.isRight(await store.appendToStream('Note-1', [event], { expectedRevision: 'NO_STREAM' })())).toBe(true);
    const stale = await store.appendToStream('Note-1', [{ ...event, eventId: '6b1d1d4f-9f5f-4e3c-8b68-1f4d2c9e3a75' }], { expectedRevision: 'NO_STREAM' })();
    expect(E.isLeft(stale) && stale.left.kind).toBe('WrongExpectedRevision');
    expect(conflicts()).toBe(1);
  });

  it('given appends that succeed, when they are made, then no conflict is counted', async () => {
    const { store, conflicts } = countingConflicts(createInMemoryEventStore());
    await store.appendToStream('Note-1', [event], { expectedRevision: 'ANY' })();
    expect(conflicts()).toBe(0);
  });
});
