import { hashEvent, positionOf, type RecordedEvent } from '@ssp/eventstore';
import { cast, createTestHistory, openPortal, startSession, stepUp, testId, user } from '../../testing';
import { readHistory } from '../history';
import { sealTreeHead } from './signature';
import { treeHeadOf } from './tree-head';
import { verifyAgainstSeals, type LabelledSeal } from './verify-seals';
import { rightOf, testSealKeys } from './test-keys';

const { pems: keys, privateKey, publicKey } = testSealKeys();

/** A history written by the command handler into the in-memory store, read back in global order. */
const recorded = async (renames: readonly string[]): Promise<readonly RecordedEvent[]> => {
  const history = createTestHistory();
  await openPortal(history);
  const session = testId(100);
  await startSession(history, session);
  await history.run('EnrollDevice', user(session), { userId: cast.userId, deviceId: testId(101), kind: 'MOBILE', platform: 'IOS', phoneNumber: '+16502530000' });
  await stepUp(history, session, testId(101));
  for (const name of renames) await history.run('RenameDevice', user(session), { userId: cast.userId, deviceId: testId(101), name });
  return rightOf(await readHistory(history.store)());
};

const seal = (history: readonly RecordedEvent[], source: string, sealedAt = '2026-11-28T10:00:00.000Z'): LabelledSeal => ({
  source,
  seal: rightOf(sealTreeHead(treeHeadOf(history, { sealedAt, store: 'memory' }), privateKey)),
});

const userStream = `UserDevices-${cast.userId}`;
const lastIndexOf = (history: readonly RecordedEvent[], streamName: string): number => history.map((e) => e.streamName).lastIndexOf(streamName);

/** Positions as a store hands them out after rows are removed or reordered: kept as written. */
const without = (history: readonly RecordedEvent[], index: number) => history.filter((_e, i) => i !== index);

describe('verifying a history against seals', () => {
  let history: readonly RecordedEvent[];
  beforeAll(async () => {
    history = await recorded(['One', 'Two']);
  });

  it('given an untouched history, when verified against its seal, then the seal is intact and nothing is unsealed', () => {
    const report = verifyAgainstSeals(history, [seal(history, 'monday.json')], publicKey);
    expect(report).toEqual({
      intact: true,
      events: history.length,
      seals: [{ source: 'monday.json', treeSize: history.length, sealedAt: '2026-11-28T10:00:00.000Z', status: 'INTACT', detail: `the first ${history.length} events are exactly what was sealed` }],
      extensions: [],
      unsealed: [],
    });
  });

  it.each<[string, (h: readonly RecordedEvent[]) => readonly RecordedEvent[]]>([
    ['the newest event of a stream rewritten with a recomputed hash', (h) =>
      h.map((event, i) => {
        if (i !== lastIndexOf(h, userStream)) return event;
        const data = { ...event.data, name: 'Evil' };
        return { ...event, data, metadata: { ...event.metadata, hash: hashEvent(event.type, data, event.metadata) } };
      })],
    ['two events of different streams swapped in the global order', (h) => {
      const i = h.findIndex((e, k) => h[k + 1] !== undefined && h[k + 1]?.streamName !== e.streamName);
      const [first, second] = [h[i], h[i + 1]];
      if (first === undefined || second === undefined) throw new Error('no two neighbours of different streams');
      return h.map((event, k) => (k === i ? { ...second, position: event.position } : k === i + 1 ? { ...first, position: event.position } : event));
    }],
    ['an event id changed', (h) => h.map((event, i) => (i === 1 ? { ...event, eventId: testId(999) } : event))],
    ['a position renumbered', (h) => h.map((event, i) => (i === 2 ? { ...event, position: positionOf(event.position.commit + 1000n) } : event))],
  ])('given %s, when verified against the seal, then the history differs from what was sealed', (_what, tamper) => {
    const report = verifyAgainstSeals(tamper(history), [seal(history, 'monday.json')], publicKey);
    expect(report.intact).toBe(false);
    expect(report.seals).toEqual([expect.objectContaining({ status: 'DIFFERS', detail: expect.stringContaining(`the first ${history.length} events no longer hash to the sealed root`) })]);
  });

  it.each<[string, (h: readonly RecordedEvent[]) => readonly RecordedEvent[]]>([
    ['the newest event of a stream deleted', (h) => without(h, lastIndexOf(h, userStream))],
    ['a whole stream deleted', (h) => h.filter((e) => e.streamName !== userStream)],
  ])('given %s, when verified against the seal, then it is missing events', (_what, tamper) => {
    const tampered = tamper(history);
    const report = verifyAgainstSeals(tampered, [seal(history, 'monday.json')], publicKey);
    expect(report.seals).toEqual([
      expect.objectContaining({ status: 'TRUNCATED', detail: expect.stringContaining(`the history is shorter than the sealed size: ${history.length - tampered.length} event`) }),
    ]);
  });

  it('given events appended after the seal, when verified, then the seal holds and the new events are reported unsealed', async () => {
    const longer = await recorded(['One', 'Two', 'Three']);
    const report = verifyAgainstSeals(longer, [seal(history, 'monday.json')], publicKey);
    expect(report.intact).toBe(true);
    expect(report.unsealed).toEqual(longer.slice(history.length).map((e) => expect.objectContaining({ eventId: e.eventId, streamName: e.streamName })));
  });

  it('given a seal and a later one, when verified, then the later is proven to extend the earlier', async () => {
    const longer = await recorded(['One', 'Two', 'Three']);
    const report = verifyAgainstSeals(longer, [seal(longer, 'tuesday.json'), seal(history, 'monday.json')], publicKey);
    expect(report.seals.map((s) => [s.source, s.status])).toEqual([['monday.json', 'INTACT'], ['tuesday.json', 'INTACT']]);
    expect(report.extensions).toEqual([expect.objectContaining({ earlier: 'monday.json', later: 'tuesday.json', status: 'EXTENDS' })]);
    expect(report.intact).toBe(true);
  });

  it('given an early event rewritten and the history re-sealed, when verified, then the later seal is shown not to extend the earlier: a fork', async () => {
    const longer = await recorded(['One', 'Two', 'Three']);
    const forked = longer.map((event, i) => (i === 1 ? { ...event, data: { ...event.data, forged: true } } : event));
    const report = verifyAgainstSeals(forked, [seal(history, 'monday.json'), seal(forked, 'tuesday.json')], publicKey);
    expect(report.seals.map((s) => s.status)).toEqual(['DIFFERS', 'INTACT']);
    expect(report.extensions).toEqual([expect.objectContaining({ status: 'FORKED', detail: expect.stringContaining('tuesday.json does not extend monday.json') })]);
    expect(report.intact).toBe(false);
  });

  it('given a change after the first seal but before the second, when verified, then the report names the events the change lies between', async () => {
    const longer = await recorded(['One', 'Two', 'Three']);
    const tampered = longer.map((event, i) => (i === longer.length - 1 ? { ...event, type: 'Forged' } : event));
    const report = verifyAgainstSeals(tampered, [seal(history, 'monday.json'), seal(longer, 'tuesday.json')], publicKey);
    expect(report.seals.map((s) => s.status)).toEqual(['INTACT', 'DIFFERS']);
    expect(report.seals[1]?.detail).toContain(`the change lies in events ${history.length + 1} to ${longer.length}`);
    expect(report.extensions).toEqual([expect.objectContaining({ status: 'UNPROVEN' })]);
  });

  it('given a seal signed with another key, when verified, then it is not trusted and every event counts as unsealed', () => {
    const otherKey = testSealKeys().privateKey;
    const foreign: LabelledSeal = { source: 'other.json', seal: rightOf(sealTreeHead(treeHeadOf(history, { sealedAt: '2026-11-28T10:00:00Z', store: 'memory' }), otherKey)) };
    const report = verifyAgainstSeals(history, [foreign], publicKey);
    expect(report.seals).toEqual([expect.objectContaining({ status: 'WRONG_KEY' })]);
    expect(report.unsealed).toHaveLength(history.length);
    expect(report.intact).toBe(false);
  });

  it('given a seal whose size was edited after signing, when verified, then its signature is bad', () => {
    const genuine = seal(history, 'monday.json');
    const edited: LabelledSeal = { ...genuine, seal: { ...genuine.seal, treeHead: { ...genuine.seal.treeHead, treeSize: 2 } } };
    expect(verifyAgainstSeals(history, [edited], publicKey).seals).toEqual([expect.objectContaining({ status: 'BAD_SIGNATURE' })]);
  });
});
