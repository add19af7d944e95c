import * as E from 'fp-ts/Either';
import { createInMemoryConsumerGroups, createInMemoryEventStore, type ConsumerGroups, type EventStore } from '@ssp/eventstore';
import { notificationCategory } from '../outbox/events';
import { createInbox, type Inbox } from '../sender/inbox';
import type { NotificationSender } from '../sender/port';
import { eventually } from '../testing/eventually';
import { alice, createTestHistory, enrollSecondPhone, ids, owner, phoneNumber, seedAcme, stepUp, testId } from '../testing/history';
import { runNotificationWorker, type NotificationWorker, type NotificationWorkerOptions } from './notification-worker';
import type { Settlement } from './settlement';

const GROUP = 'notifications';

type Setting = Readonly<{ type: string; settlement: Settlement }>;

const startWorker = (store: EventStore, groups: ConsumerGroups, inbox: Inbox, settled: Setting[], more: Partial<NotificationWorkerOptions> = {}): NotificationWorker =>
  runNotificationWorker({
    store,
    groups,
    group: GROUP,
    sender: inbox,
    startFrom: 'start',
    // Short, so that what a closed worker held reaches the other one quickly.
    messageTimeoutMs: 200,
    bufferSize: 1,
    onSettled: (delivery, settlement) => settled.push({ type: delivery.event.type, settlement }),
    ...more,
  });

const given = async () => {
  const store = createInMemoryEventStore();
  const history = createTestHistory(store);
  await seedAcme(history);
  return { store, history, groups: createInMemoryConsumerGroups(store), inbox: createInbox(), settled: [] as Setting[] };
};

/** Each notice stream's event types, by stream. */
const outboxStreams = async (store: EventStore): Promise<ReadonlyArray<readonly string[]>> => {
  const all = await store.readAll({ filter: { kind: 'streamCategory', categories: [notificationCategory] } })();
  if (E.isLeft(all)) throw new Error(all.left.kind);
  const byStream = new Map<string, string[]>();
  for (const event of all.right) byStream.set(event.streamName, [...(byStream.get(event.streamName) ?? []), event.type]);
  return [...byStream.values()];
};

const countsByAddress = (inbox: Inbox): Readonly<Record<string, number>> =>
  inbox.delivered().reduce<Record<string, number>>((counts, notice) => {
    const address = notice.recipient.kind === 'phone' ? notice.recipient.phoneNumber : notice.recipient.adminId;
    return { ...counts, [address]: (counts[address] ?? 0) + 1 };
  }, {});

describe('runNotificationWorker', () => {
  it('given two workers and a mix of commands, when one worker is closed midway, then every notice due is delivered exactly once', async () => {
    const { store, history, groups, inbox, settled } = await given();
    const first = startWorker(store, groups, inbox, settled);
    const second = startWorker(store, groups, inbox, settled);
    const { run } = history;

    await enrollSecondPhone(history);
    await run('EnrollDevice', alice, { userId: ids.alice, deviceId: ids.tablet, kind: 'TABLET', platform: 'IOS', name: 'Tablet' });
    await run('EnrollDevice', alice, { userId: ids.alice, deviceId: ids.landline, kind: 'LANDLINE', phoneNumber: phoneNumber(3), name: 'Desk' });
    await eventually('the first events handled', () => settled.length >= 3, () => settled);
    await first.close();
    await run('SetDefaultDevice', alice, { userId: ids.alice, deviceId: ids.secondPhone, loginAction: 'ASK' });
    await run('AssignHardwareToken', owner, { userId: ids.alice, tokenId: ids.token, serial: '00123456', tokenType: 'h6' });
    await run('RemoveDevice', { kind: 'admin', adminId: ids.helpDesk }, { userId: ids.alice, deviceId: ids.landline });
    await stepUp(history);
    await run('RemoveHardwareToken', alice, { userId: ids.alice, tokenId: ids.token });
    await run('DisableSelfService', { kind: 'admin', adminId: ids.manager }, { applicationId: ids.application });
    await run('EnableSelfService', owner, { applicationId: ids.application });

    // By hand: the first phone hears of its own enrollment and the six changes after it; the
    // second of its own and five more; the landline of its enrollment, the new default and its
    // removal; each of the two administrators who answer for self-service of its three changes.
    const expected = { [phoneNumber(1)]: 7, [phoneNumber(2)]: 6, [phoneNumber(3)]: 3, [ids.owner]: 3, [ids.manager]: 3 };
    await eventually('every notice delivered and recorded sent', async () => {
      const streams = await outboxStreams(store);
      return streams.length === 22 && streams.every((types) => types.includes('NotificationSent'));
    }, () => countsByAddress(inbox));
    await second.close();

    expect(countsByAddress(inbox)).toEqual(expected);
    expect(await outboxStreams(store)).toEqual(Array.from({ length: 22 }, () => ['NotificationQueued', 'NotificationSent']));
    expect(await first.done).toEqual(E.right(undefined));
    expect(await second.done).toEqual(E.right(undefined));
    expect(await groups.parked(GROUP)()).toEqual(E.right([]));
  });

  it('given a worker that dies after sending, before recording it sent, then another takes the event over and nobody hears twice', async () => {
    const { store, history, groups, inbox, settled } = await given();
    const delivering: NotificationSender = {
      // Delivers, then never answers: the process died with the notice on the wire.
      send: (notice, key) => async () => {
        await inbox.send(notice, key)();
        return new Promise<never>(() => undefined);
      },
    };
    startWorker(store, groups, inbox, settled, { sender: delivering, startFrom: 'end' });
    await eventually('the group created', async () => E.isRight(await groups.parked(GROUP)()));
    await history.run('DisableSelfService', owner, { applicationId: ids.application });
    await eventually('the dying worker delivered', () => inbox.delivered().length === 1);

    const survivor = startWorker(store, groups, inbox, settled);
    await eventually('the survivor acknowledged it', () => settled.some(({ settlement }) => settlement.action === 'ack'), () => settled);
    await survivor.close();

    expect(countsByAddress(inbox)).toEqual({ [ids.owner]: 1, [ids.manager]: 1 });
    expect(inbox.attempts()).toBe(3);
    expect(await outboxStreams(store)).toEqual([
      ['NotificationQueued', 'NotificationSent'],
      ['NotificationQueued', 'NotificationSent'],
    ]);
    await store.close();
  });

  it('given a transient failure of the sender, then the event is retried and its notice delivered once', async () => {
    const { store, history, groups, inbox, settled } = await given();
    const worker = startWorker(store, groups, inbox, settled, { startFrom: 'end' });
    inbox.failNext({ kind: 'Transient', message: 'gateway timeout' });

    await history.run('DisableSelfService', owner, { applicationId: ids.application });
    await eventually('the event acknowledged', () => settled.some(({ settlement }) => settlement.action === 'ack'), () => settled);
    await worker.close();

    expect(settled.map(({ settlement }) => settlement.action)).toEqual(['retry', 'ack']);
    expect(inbox.delivered().map((notice) => notice.recipient)).toHaveLength(2);
  });

  it('given the sender rejects a notice, then the event is parked with the reason, and nothing is recorded sent', async () => {
    const { store, history, groups, inbox, settled } = await given();
    const worker = startWorker(store, groups, inbox, settled, { startFrom: 'end' });
    inbox.failNext({ kind: 'Rejected', message: 'unknown administrator' });

    await history.run('DisableSelfService', owner, { applicationId: ids.application });
    await eventually('the event parked', () => settled.length > 0);
    await worker.close();

    const parked = await groups.parked(GROUP)();
    expect(E.isRight(parked) && parked.right.map(({ event, reason }) => [event.type, reason])).toEqual([
      ['SelfServiceDisabled', expect.stringContaining('Rejected: unknown administrator')],
    ]);
    expect((await outboxStreams(store)).flat()).not.toContain('NotificationSent');
  });

  it('given an event of a notifying type that no codec reads, then it is parked, not retried', async () => {
    const { store, groups, inbox, settled } = await given();
    const worker = startWorker(store, groups, inbox, settled, { startFrom: 'end' });
    await eventually('the group created', async () => E.isRight(await groups.parked(GROUP)()));

    const forged = { eventId: testId(777), type: 'DefaultSet', data: { userId: ids.alice, deviceId: ids.firstPhone, loginAction: 'BEEP' }, metadata: {} };
    await store.appendToStream(`UserDevices-${ids.alice}`, [forged], { expectedRevision: 'ANY' })();
    await eventually('the event settled', () => settled.length > 0);
    await worker.close();

    expect(settled.map(({ type, settlement }) => [type, settlement.action])).toEqual([['DefaultSet', 'park']]);
    expect(inbox.attempts()).toBe(0);
  });

  it('given the group created after history was written, by default, then only later changes are told', async () => {
    const { store, history, groups, inbox, settled } = await given();
    const worker = startWorker(store, groups, inbox, settled, { startFrom: undefined });
    await eventually('the group created', async () => E.isRight(await groups.parked(GROUP)()));

    await enrollSecondPhone(history);
    await eventually('the enrollment handled', () => settled.length > 0);
    await worker.close();

    expect(settled.map(({ type }) => type)).toEqual(['DeviceEnrolled']);
    expect(inbox.delivered().map((notice) => notice.text)).toEqual([
      expect.stringContaining('"Second phone"'),
      expect.stringContaining('"Second phone"'),
    ]);
  });

  it('given a store that is closed, then the worker ends with the store error rather than spinning', async () => {
    const { store, groups, inbox, settled } = await given();
    await store.close();
    const worker = startWorker(store, groups, inbox, settled);
    const done = await worker.done;
    expect(E.isLeft(done) && done.left.kind).toBe('Unavailable');
    await worker.close();
  });
});
