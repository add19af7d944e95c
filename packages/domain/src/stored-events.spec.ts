import * as E from 'fp-ts/Either';
import { readDomainEvent, type StoredEvent } from './stored-events';
import { T0, deepFreeze, ids, scribble } from './testing';

const renamed = (name: string) => ({ userId: ids.alice, deviceId: ids.mobile, name, previousName: 'Phone' });

const stored = (data: unknown, metadata: StoredEvent['metadata'] = { schemaVersion: 1 }): StoredEvent => ({
  type: 'DeviceRenamed',
  data,
  metadata,
  streamName: `UserDevices-${ids.alice}`,
  revision: 3n,
});

describe('reading a stored event: each frozen record is checked once', () => {
  it('given a record frozen all the way down, when it is read twice, then both reads give the one frozen event', () => {
    const record = deepFreeze(stored(renamed('Work')));
    const first = readDomainEvent(record);
    const second = readDomainEvent(record);
    expect(E.isRight(first) && E.isRight(second) && first.right === second.right).toBe(true);
    expect(E.isRight(first) && Object.isFrozen(first.right)).toBe(true);
  });

  it('given a record that is not frozen, when its data is changed after a read, then the next read checks it again and refuses it', () => {
    const data = renamed('Work');
    const record = stored(data);
    expect(E.isRight(readDomainEvent(record))).toBe(true);
    scribble(data, 'deviceId', 'not-a-uuid');
    const again = readDomainEvent(record);
    expect(E.isLeft(again) && again.left.message).toContain('deviceId');
  });

  it('given a frozen record whose data is not frozen, when the data changes after a read, then the next read checks it again and refuses it', () => {
    const data = renamed('Work');
    const record = Object.freeze(stored(data, Object.freeze({ schemaVersion: 1 })));
    expect(E.isRight(readDomainEvent(record))).toBe(true);
    scribble(data, 'userId', 'nobody');
    const again = readDomainEvent(record);
    expect(E.isLeft(again) && again.left.message).toContain('userId');
  });

  it('given a frozen record of an older schema, when it is read twice, then each read upcasts it afresh, to equal events', () => {
    const record = deepFreeze({
      type: 'PortalSessionStarted',
      data: { sessionId: ids.session, userId: ids.alice, applicationId: ids.application, accountId: ids.account, startedAt: T0 },
      metadata: { schemaVersion: 1 },
      streamName: `PortalSession-${ids.session}`,
      revision: 0n,
    });
    const first = readDomainEvent(record);
    const second = readDomainEvent(record);
    expect(E.isRight(first)).toBe(true);
    expect(second).toEqual(first);
    expect(E.isRight(first) && E.isRight(second) && first.right !== second.right).toBe(true);
  });

  it('given a frozen record that does not decode, when it is read twice, then both reads refuse it', () => {
    const record = deepFreeze(stored({ ...renamed('Work'), userId: 'nobody' }));
    expect(E.isLeft(readDomainEvent(record))).toBe(true);
    expect(E.isLeft(readDomainEvent(record))).toBe(true);
  });
});
