import * as E from 'fp-ts/Either';
import type { ClientRecordedEvent } from './client-shape';
import { fromClientEvent, toClientEvent } from './event-mapping';

const recorded = (overrides: Partial<ClientRecordedEvent> = {}): ClientRecordedEvent => ({
  streamId: 'Account-1',
  id: '5c1b4bde-4b2a-4a63-9a29-7c1f6b4f0e01',
  type: 'Opened',
  revision: 0n,
  isJson: true,
  data: { name: 'a' },
  metadata: {},
  position: { commit: 10n, prepare: 10n },
  ...overrides,
});

describe('mapping events to and from EventStoreDB', () => {
  it('given metadata with correlationId and causationId, when converted for the client, then $correlationId and $causationId are added beside them', () => {
    const data = toClientEvent({ eventId: 'id', type: 'T', data: {}, metadata: { correlationId: 'c', causationId: 'k', other: 1 } });

    expect(data.metadata).toEqual({ correlationId: 'c', causationId: 'k', other: 1, $correlationId: 'c', $causationId: 'k' });
  });

  it('given a correlationId that is not a string, when converted, then no $correlationId is invented', () => {
    expect(toClientEvent({ eventId: 'id', type: 'T', data: {}, metadata: { correlationId: 7 } }).metadata).toEqual({ correlationId: 7 });
  });

  it('given stored metadata whose $ copies match, when read, then the copies are stripped; a differing copy is kept', () => {
    const read = fromClientEvent(recorded({ metadata: { correlationId: 'c', $correlationId: 'c', causationId: 'k', $causationId: 'other' } }));

    expect(E.map((event: { metadata: unknown }) => event.metadata)(read)).toEqual(
      E.right({ correlationId: 'c', causationId: 'k', $causationId: 'other' }),
    );
  });

  it('given an event without metadata, when read, then its metadata is an empty object', () => {
    expect(E.map((event: { metadata: unknown }) => event.metadata)(fromClientEvent(recorded({ metadata: undefined })))).toEqual(E.right({}));
  });

  it('given binary data, a JSON array, or the uint64 "no position" marker, when read, then Failure says why', () => {
    const failures = [
      recorded({ isJson: false, data: new Uint8Array([1]) }),
      recorded({ data: [1, 2] }),
      recorded({ position: { commit: 2n ** 64n - 1n, prepare: 2n ** 64n - 1n } }),
    ].map(fromClientEvent);

    expect(failures.map((result) => (E.isLeft(result) ? result.left.kind : 'read'))).toEqual(['Failure', 'Failure', 'Failure']);
  });
});
