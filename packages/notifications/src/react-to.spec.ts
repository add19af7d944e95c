import * as E from 'fp-ts/Either';
import { EventMetadata } from '@ssp/domain';
import { createInMemoryEventStore, type EventStore, type RecordedEvent } from '@ssp/eventstore';
import { verifyHistory } from '@ssp/projections';
import { NotificationEvent, notificationCategory } from './outbox/events';
import { reactTo, type ReactDependencies } from './react-to';
import { createInbox, type Inbox } from './sender/inbox';
import { settlementOf } from './worker/settlement';
import { meetingSender } from './testing/meeting-sender';
import { failingToRecordSent } from './testing/store-wrappers';
import { alice, createTestHistory, enrollSecondPhone, eventOfType, ids, owner, phoneNumber, seedAcme, stepUp, type TestHistory } from './testing/history';

const given = async () => {
  const history = createTestHistory();
  await seedAcme(history);
  return { history, inbox: createInbox() };
};

const react = (store: EventStore, inbox: Inbox, more: Partial<ReactDependencies> = {}) =>
  reactTo({ store, sender: inbox, now: () => '2026-11-28T11:00:00.000Z', ...more });

const outboxEvents = async (store: EventStore): Promise<readonly RecordedEvent[]> => {
  const all = await store.readAll({ filter: { kind: 'streamCategory', categories: [notificationCategory] } })();
  if (E.isLeft(all)) throw new Error(all.left.kind);
  return all.right;
};

const typesOf = (events: readonly RecordedEvent[]) => events.map((event) => event.type);

const enrolledSecondPhone = async (history: TestHistory) => history.recorded(eventOfType(await enrollSecondPhone(history), 'DeviceEnrolled'));

describe('reactTo: who is told, from the store', () => {
  it('given Alice with one phone, when she enrolls a second, then both phones get one SMS, and each notice is queued then recorded sent', async () => {
    const { history, inbox } = await given();
    const event = await enrolledSecondPhone(history);

    const report = await react(history.store, inbox)(event)();

    expect(report).toEqual(E.right({ notices: 2, sent: 2, alreadySent: 0 }));
    expect(inbox.messagesTo(phoneNumber(1)).map((notice) => notice.channel)).toEqual(['SMS']);
    expect(inbox.messagesTo(phoneNumber(2))).toHaveLength(1);
    expect(typesOf(await outboxEvents(history.store)).sort()).toEqual(['NotificationQueued', 'NotificationQueued', 'NotificationSent', 'NotificationSent']);
  });

  it('given a change, then a phone enrolled after it is not told of it, however late the event is handled', async () => {
    const { history, inbox } = await given();
    const made = eventOfType(await history.run('SetDefaultDevice', alice, { userId: ids.alice, deviceId: ids.firstPhone, loginAction: 'ASK' }), 'DefaultSet');
    await enrollSecondPhone(history);

    await react(history.store, inbox)(await history.recorded(made))();

    expect(inbox.delivered().map((notice) => notice.recipient)).toEqual([expect.objectContaining({ phoneNumber: phoneNumber(1) })]);
  });

  it('given two phones, when one is removed, then the removed phone is told of its own removal by SMS, and the other too', async () => {
    const { history, inbox } = await given();
    await enrollSecondPhone(history);
    await stepUp(history);
    const removed = eventOfType(await history.run('RemoveDevice', alice, { userId: ids.alice, deviceId: ids.secondPhone }), 'DeviceRemoved');

    await react(history.store, inbox)(await history.recorded(removed))();

    expect(inbox.messagesTo(phoneNumber(2)).map((notice) => notice.text)).toEqual([expect.stringContaining('"Second phone" (•••0102) was removed')]);
    expect(inbox.messagesTo(phoneNumber(1))).toHaveLength(1);
  });

  it('given self-service turned off, then the owner and the application manager are told, the help desk is not, nor an administrator added afterwards', async () => {
    const { history, inbox } = await given();
    const disabled = eventOfType(await history.run('DisableSelfService', owner, { applicationId: ids.application }), 'SelfServiceDisabled');
    await history.run('AddAdministrator', owner, { accountId: ids.account, adminId: ids.alice, role: 'ADMINISTRATOR' });

    await react(history.store, inbox)(await history.recorded(disabled))();

    expect(inbox.delivered().map((notice) => [notice.channel, notice.recipient])).toEqual(
      [ids.owner, ids.manager].sort().map((adminId) => ['ADMIN_INBOX', { kind: 'administrator', accountId: ids.account, adminId }]),
    );
  });

  it('given an administrator removed after the change, then they are still told of it: they answered for it then', async () => {
    const { history, inbox } = await given();
    const disabled = eventOfType(await history.run('DisableSelfService', owner, { applicationId: ids.application }), 'SelfServiceDisabled');
    await history.run('RemoveAdministrator', owner, { accountId: ids.account, adminId: ids.manager });

    await react(history.store, inbox)(await history.recorded(disabled))();

    expect(inbox.messagesTo(ids.manager)).toHaveLength(1);
  });

  it('given an event that causes no notice, then nothing is written or sent', async () => {
    const { history, inbox } = await given();
    const renamed = eventOfType(await history.run('RenameDevice', alice, { userId: ids.alice, deviceId: ids.firstPhone, name: 'Old phone' }), 'DeviceRenamed');

    expect(await react(history.store, inbox)(await history.recorded(renamed))()).toEqual(E.right({ notices: 0, sent: 0, alreadySent: 0 }));
    expect(await outboxEvents(history.store)).toEqual([]);
  });

  it('given a stored event its codec cannot read, then it is Undecodable, which the worker parks', async () => {
    const { history, inbox } = await given();
    const event = await enrolledSecondPhone(history);
    const result = await react(history.store, inbox)({ ...event, data: { ...event.data, kind: 'PAGER' } })();
    expect(E.isLeft(result) && result.left.kind).toBe('Undecodable');
    expect(settlementOf(result).action).toBe('park');
    expect(inbox.attempts()).toBe(0);
  });

  it('given a stored event whose metadata gives no readable time, then it is Undecodable naming the field, not sent with a guessed time', async () => {
    const { history, inbox } = await given();
    const event = await enrolledSecondPhone(history);
    const result = await react(history.store, inbox)({ ...event, metadata: { ...event.metadata, occurredAt: 'yesterday' } })();
    expect(E.isLeft(result) && result.left.kind === 'Undecodable' && result.left.message).toContain('metadata.occurredAt');
    expect(inbox.attempts()).toBe(0);
  });
});

describe('reactTo: exactly once in effect', () => {
  it('given a worker that stopped after sending and before recording it sent, when the event is delivered again, then each phone has one message', async () => {
    const { history, inbox } = await given();
    const event = await enrolledSecondPhone(history);

    const crashed = await react(failingToRecordSent(history.store), inbox)(event)();
    expect(E.isLeft(crashed) && crashed.left.kind).toBe('Store');
    expect(settlementOf(crashed).action).toBe('retry');
    expect(inbox.delivered()).toHaveLength(1);

    expect(await react(history.store, inbox)(event)()).toEqual(E.right({ notices: 2, sent: 2, alreadySent: 0 }));
    expect(inbox.attempts()).toBe(3);
    expect(inbox.messagesTo(phoneNumber(1))).toHaveLength(1);
    expect(inbox.messagesTo(phoneNumber(2))).toHaveLength(1);
  });

  it('given the same event handled twice at once, both past the outbox before either sends, then each phone has one message and each notice one stream of Queued then Sent', async () => {
    const { history, inbox } = await given();
    const event = await enrolledSecondPhone(history);

    const racing = { sender: meetingSender(inbox) };

    const results = await Promise.all([react(history.store, inbox, racing)(event)(), react(history.store, inbox, racing)(event)()]);

    expect(results.every(E.isRight)).toBe(true);
    expect(inbox.attempts()).toBe(4);
    expect(inbox.delivered()).toHaveLength(2);
    const byStream = new Map<string, string[]>();
    for (const recorded of await outboxEvents(history.store)) byStream.set(recorded.streamName, [...(byStream.get(recorded.streamName) ?? []), recorded.type]);
    expect([...byStream.values()]).toEqual([
      ['NotificationQueued', 'NotificationSent'],
      ['NotificationQueued', 'NotificationSent'],
    ]);
  });

  it('given an event already handled, when it is delivered again, then nothing is sent again, not even to the sender', async () => {
    const { history, inbox } = await given();
    const event = await enrolledSecondPhone(history);
    await react(history.store, inbox)(event)();

    expect(await react(history.store, inbox)(event)()).toEqual(E.right({ notices: 2, sent: 0, alreadySent: 2 }));
    expect(inbox.attempts()).toBe(2);
  });

  it('given a transient failure of the sender, then the event is to be retried, and the retry delivers each notice once', async () => {
    const { history, inbox } = await given();
    const event = await enrolledSecondPhone(history);
    inbox.failNext({ kind: 'Transient', message: 'gateway timeout' });

    const failed = await react(history.store, inbox)(event)();
    expect(settlementOf(failed)).toEqual({ action: 'retry', reason: expect.stringContaining('Transient: gateway timeout') });
    expect(typesOf(await outboxEvents(history.store))).toEqual(['NotificationQueued']);

    expect(E.isRight(await react(history.store, inbox)(event)())).toBe(true);
    expect(inbox.delivered()).toHaveLength(2);
  });

  it('given the sender rejects a notice, then the event is to be parked and nothing is recorded sent', async () => {
    const { history, inbox } = await given();
    const event = await enrolledSecondPhone(history);
    inbox.failNext({ kind: 'Rejected', message: 'not a mobile number' });

    const failed = await react(history.store, inbox)(event)();

    expect(settlementOf(failed)).toEqual({ action: 'park', reason: expect.stringContaining('Rejected: not a mobile number') });
    expect(typesOf(await outboxEvents(history.store))).not.toContain('NotificationSent');
    expect(inbox.delivered()).toEqual([]);
  });
});

describe('the outbox in the store', () => {
  it('given notices queued and sent, then their events decode with their codecs and carry the metadata of every event, traced to their cause', async () => {
    const { history, inbox } = await given();
    const event = await enrolledSecondPhone(history);
    await react(history.store, inbox)(event)();

    for (const recorded of await outboxEvents(history.store)) {
      expect(E.isRight(NotificationEvent.decode({ type: recorded.type, data: recorded.data }))).toBe(true);
      const metadata = EventMetadata.decode(recorded.metadata);
      expect(E.isRight(metadata) && metadata.right).toEqual(
        expect.objectContaining({ causationId: event.eventId, commandId: event.metadata.commandId, actor: { kind: 'system' } }),
      );
    }
  });

  it('given a history with outbox streams, a crash and a retry among them, then the audit finds every chain intact', async () => {
    const { history, inbox } = await given();
    const event = await enrolledSecondPhone(history);
    await react(failingToRecordSent(history.store), inbox)(event)();
    await react(history.store, inbox)(event)();
    const disabled = eventOfType(await history.run('DisableSelfService', owner, { applicationId: ids.application }), 'SelfServiceDisabled');
    await react(history.store, inbox)(await history.recorded(disabled))();

    const all = await history.store.readAll()();
    const report = E.isRight(all) ? verifyHistory(all.right) : undefined;

    expect(report?.findings).toEqual([]);
    expect(report?.intact).toBe(true);
    expect(report?.seals.filter((seal) => seal.streamName.startsWith(`${notificationCategory}-`)).map((seal) => seal.events)).toEqual([2, 2, 2, 2]);
  });

  it('given an outbox event altered afterwards, then the audit names it', async () => {
    const store = createInMemoryEventStore();
    const history = createTestHistory(store);
    await seedAcme(history);
    const inbox = createInbox();
    await react(store, inbox)(await enrolledSecondPhone(history))();
    const all = await store.readAll()();
    if (E.isLeft(all)) throw new Error(all.left.kind);
    const altered = all.right.map((recorded) => (recorded.type === 'NotificationQueued' ? { ...recorded, data: { ...recorded.data, text: 'forged' } } : recorded));

    expect(verifyHistory(altered).findings.map((finding) => finding.kind)).toEqual(['ALTERED', 'ALTERED']);
  });
});
