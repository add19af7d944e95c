import * as E from 'fp-ts/Either';
import { T0, deepFreeze, ids, scribble } from '@ssp/domain/testing';
import { positionOf, type RecordedEvent } from '@ssp/eventstore';
import { readProjectedEvent } from './read-event';

const record = (): RecordedEvent => ({
  eventId: ids.command,
  type: 'DeviceRenamed',
  data: { userId: ids.alice, deviceId: ids.mobile, name: 'Work', previousName: 'Phone' },
  metadata: {
    eventId: ids.command,
    commandId: ids.command,
    correlationId: ids.command,
    causationId: ids.command,
    occurredAt: T0,
    schemaVersion: 1,
    actor: { kind: 'user', userId: ids.alice, sessionId: ids.session },
  },
  streamName: `UserDevices-${ids.alice}`,
  revision: 4n,
  position: positionOf(12n),
});

describe('reading a stored event for the projections', () => {
  it('given a record frozen all the way down, when several projections read it, then it is checked once: every read gives the one frozen reading', () => {
    const recorded = deepFreeze(record());
    const first = readProjectedEvent(recorded);
    const second = readProjectedEvent(recorded);
    expect(E.isRight(first) && E.isRight(second) && first.right === second.right).toBe(true);
    expect(E.isRight(first) && Object.isFrozen(first.right)).toBe(true);
  });

  it('given a frozen record whose metadata is not frozen inside, when its actor changes after a read, then the next read checks it again and refuses it', () => {
    const plain = record();
    const actor = { kind: 'user', userId: ids.alice };
    const recorded = Object.freeze({ ...plain, data: Object.freeze(plain.data), metadata: Object.freeze({ ...plain.metadata, actor }) });
    expect(E.isRight(readProjectedEvent(recorded))).toBe(true);
    scribble(actor, 'userId', 'nobody');
    const again = readProjectedEvent(recorded);
    expect(E.isLeft(again) && again.left).toContain('metadata');
  });

  it('given a record that is not frozen, when its metadata changes after a read, then the next read checks it again and refuses it', () => {
    const recorded = record();
    expect(E.isRight(readProjectedEvent(recorded))).toBe(true);
    scribble(recorded.metadata, 'occurredAt', 'yesterday');
    const again = readProjectedEvent(recorded);
    expect(E.isLeft(again) && again.left).toContain('occurredAt');
  });
});
