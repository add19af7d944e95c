import { hashEvent, linkInLog, type JsonObject, type RecordedEvent } from '@ssp/eventstore';
import { cast, createTestHistory, openPortal, startSession, stepUp, testId, user } from '../testing';
import { readHistory } from './history';
import { sealTreeHead } from './seals/signature';
import { rightOf, testSealKeys } from './seals/test-keys';
import { treeHeadOf } from './seals/tree-head';
import { verifyAgainstSeals } from './seals/verify-seals';
import { verifyHistory, type TamperKind } from './verify';

// The catalogue of tampering that anyone who can write the store can do, applied to the
// history as the store hands it back (what raw access to its storage yields), and what verify
// says of each. In the `all` project the history comes from the in-memory store, which keeps
// the global chain; in the `eventstoredb` project it comes through the EventStoreDB adapter,
// which keeps none: there, what only the global chain shows must be shown by a seal. The same
// kinds done with SQL to a SQLite file are in @ssp/cli (audit/tampering.e2e.spec.ts).

const { privateKey, publicKey } = testSealKeys();
const userStream = `UserDevices-${cast.userId}`;
const session = testId(100);
const sessionStream = `PortalSession-${session}`;

const recorded = async (): Promise<readonly RecordedEvent[]> => {
  const history = createTestHistory();
  await openPortal(history);
  await startSession(history, session);
  await history.run('EnrollDevice', user(session), { userId: cast.userId, deviceId: testId(101), kind: 'MOBILE', platform: 'IOS', phoneNumber: '+16502530000' });
  await stepUp(history, session, testId(101));
  for (const name of ['One', 'Two', 'Three']) await history.run('RenameDevice', user(session), { userId: cast.userId, deviceId: testId(101), name });
  return rightOf(await readHistory(history.store)());
};

type History = readonly RecordedEvent[];

const indexOf = (history: History, streamName: string, revision: number): number => {
  const index = history.findIndex((event) => event.streamName === streamName && event.revision === BigInt(revision));
  if (index === -1) throw new Error(`no ${streamName}@${revision}`);
  return index;
};
const newestIndexOf = (history: History, streamName: string): number => history.map((event) => event.streamName).lastIndexOf(streamName);
const eventAt = (history: History, index: number): RecordedEvent => {
  const event = history[index];
  if (event === undefined) throw new Error(`no event at index ${index}`);
  return event;
};
const replace = (history: History, index: number, change: (event: RecordedEvent) => RecordedEvent): History =>
  history.map((event, i) => (i === index ? change(event) : event));
const rehashed = (event: RecordedEvent, data: JsonObject, metadata: JsonObject = event.metadata): RecordedEvent => ({
  ...event,
  data,
  metadata: { ...metadata, hash: hashEvent(event.type, data, metadata) },
});
/** What the store's own append would have written as links, from the first event on: the thorough insider. */
const relinked = (history: History): History => {
  if (history[0]?.logLink === undefined) return history;
  let previous: string | undefined;
  return history.map((event) => {
    const logLink = linkInLog(event, previous);
    previous = logLink.hash;
    return { ...event, logLink };
  });
};
/** Every hash and link of one stream recomputed, in order: what the command side would have written had the history been this. */
const rechained = (history: History, streamName: string): History => {
  let previous: string | null = null;
  return history.map((event) => {
    if (event.streamName !== streamName) return event;
    const written = rehashed(event, event.data, { ...event.metadata, previousHash: previous });
    previous = typeof written.metadata.hash === 'string' ? written.metadata.hash : null;
    return written;
  });
};
/** A forged event at the end of a stream and of the log, hashed and linked in its stream as the command side would. */
const forgedAfter = (history: History, streamName: string): RecordedEvent => {
  const newest = eventAt(history, newestIndexOf(history, streamName));
  const last = eventAt(history, history.length - 1);
  const data = { ...newest.data, name: 'Forged' };
  const metadata = { ...newest.metadata, previousHash: newest.metadata.hash ?? null, eventId: testId(999) };
  return { ...rehashed(newest, data, metadata), eventId: testId(999), revision: newest.revision + 1n, position: { commit: last.position.commit + 1n, prepare: last.position.prepare + 1n }, logLink: undefined };
};

type Named = Readonly<{ kind: TamperKind; eventId: (original: History, tampered: History) => string }>;
type Tampering = Readonly<{
  what: string;
  change: (history: History) => History;
  /** What the stream's own chain shows; undefined when it cannot. */
  stream?: Named;
  /** What the global chain shows, where the store keeps it; undefined when it cannot. */
  log?: Named;
}>;

const at = (streamName: string, revision: number) => (_original: History, tampered: History) => eventAt(tampered, indexOf(tampered, streamName, revision)).eventId;
const originalAt = (index: (history: History) => number) => (original: History) => eventAt(original, index(original)).eventId;
/** The first two neighbours in the log (after the first event) that belong to different streams. */
const neighboursOfTwoStreams = (h: History): number => h.findIndex((e, i) => i > 0 && h[i + 1] !== undefined && eventAt(h, i + 1).streamName !== e.streamName);
/** The event that now follows, in the log, the one that was there. */
const nextInLog = (index: (history: History) => number) => (original: History) => eventAt(original, index(original) + 1).eventId;

const CATALOGUE: readonly Tampering[] = [
  {
    what: 'an event’s data altered',
    change: (h) => replace(h, indexOf(h, userStream, 2), (e) => ({ ...e, data: { ...e.data, name: 'Evil' } })),
    // The global chain covers an event's content through its stream hash, which this leaves as it was.
    stream: { kind: 'ALTERED', eventId: at(userStream, 2) },
  },
  {
    what: 'an event’s metadata altered (who did it)',
    change: (h) => replace(h, indexOf(h, userStream, 2), (e) => ({ ...e, metadata: { ...e.metadata, actor: { kind: 'system' } } })),
    stream: { kind: 'ALTERED', eventId: at(userStream, 2) },
  },
  {
    what: 'an event’s type changed',
    change: (h) => replace(h, indexOf(h, userStream, 2), (e) => ({ ...e, type: 'DeviceRemoved' })),
    stream: { kind: 'ALTERED', eventId: at(userStream, 2) },
    log: { kind: 'ALTERED', eventId: at(userStream, 2) },
  },
  {
    what: 'an event’s hash removed',
    change: (h) => replace(h, indexOf(h, userStream, 2), ({ metadata: { hash: _gone, ...metadata }, ...e }) => ({ ...e, metadata })),
    stream: { kind: 'ALTERED', eventId: at(userStream, 2) },
    log: { kind: 'ALTERED', eventId: at(userStream, 2) },
  },
  {
    what: 'an event in the middle of a stream removed',
    change: (h) => h.filter((_e, i) => i !== indexOf(h, userStream, 1)),
    stream: { kind: 'REMOVED', eventId: at(userStream, 2) },
    log: { kind: 'REMOVED', eventId: nextInLog((h) => indexOf(h, userStream, 1)) },
  },
  {
    what: 'a stream’s first event removed',
    change: (h) => h.filter((_e, i) => i !== indexOf(h, userStream, 0)),
    stream: { kind: 'REMOVED', eventId: at(userStream, 1) },
    log: { kind: 'REMOVED', eventId: nextInLog((h) => indexOf(h, userStream, 0)) },
  },
  {
    what: 'an event rewritten with a fresh hash in the middle of a stream',
    change: (h) => replace(h, indexOf(h, userStream, 1), (e) => rehashed(e, { ...e.data, name: 'Rewritten' })),
    stream: { kind: 'REMOVED', eventId: at(userStream, 2) },
    log: { kind: 'ALTERED', eventId: at(userStream, 1) },
  },
  {
    what: 'two events of a stream swapped, with their revisions',
    change: (h) => {
      const [a, b] = [indexOf(h, userStream, 1), indexOf(h, userStream, 2)];
      const [first, second] = [eventAt(h, a), eventAt(h, b)];
      return h.map((e, i) => (i === a ? { ...second, revision: first.revision } : i === b ? { ...first, revision: second.revision } : e));
    },
    stream: { kind: 'REORDERED', eventId: at(userStream, 1) },
    log: { kind: 'REORDERED', eventId: at(userStream, 1) },
  },
  {
    what: 'a stream’s newest event removed',
    change: (h) => h.filter((_e, i) => i !== newestIndexOf(h, sessionStream)),
    log: { kind: 'REMOVED', eventId: nextInLog((h) => newestIndexOf(h, sessionStream)) },
  },
  {
    what: 'a whole stream removed',
    change: (h) => h.filter((e) => e.streamName !== sessionStream),
    log: { kind: 'REMOVED', eventId: nextInLog((h) => h.findIndex((e) => e.streamName === sessionStream)) },
  },
  {
    what: 'a stream’s newest event rewritten, its stream hash recomputed',
    change: (h) => replace(h, newestIndexOf(h, sessionStream), (e) => rehashed(e, { ...e.data, rewritten: true })),
    log: { kind: 'ALTERED', eventId: originalAt((h) => newestIndexOf(h, sessionStream)) },
  },
  {
    what: 'a forged event appended at a stream’s end, hashed and linked in the stream',
    change: (h) => [...h, forgedAfter(h, userStream)],
    log: { kind: 'ALTERED', eventId: () => testId(999) },
  },
  {
    what: 'two streams’ events swapped in the global order',
    change: (h) => {
      const a = neighboursOfTwoStreams(h);
      const [first, second] = [eventAt(h, a), eventAt(h, a + 1)];
      return h.map((e, i) => (i === a ? { ...second, position: first.position } : i === a + 1 ? { ...first, position: second.position } : e));
    },
    // The later event, now first, links to the one it has overtaken.
    log: { kind: 'REORDERED', eventId: nextInLog(neighboursOfTwoStreams) },
  },
  {
    what: 'an event id changed',
    change: (h) => replace(h, indexOf(h, userStream, 2), (e) => ({ ...e, eventId: testId(998) })),
    log: { kind: 'ALTERED', eventId: () => testId(998) },
  },
  {
    what: 'the time an event was recorded changed',
    change: (h) => replace(h, indexOf(h, userStream, 2), (e) => ({ ...e, recordedAt: '2020-01-01T00:00:00.000Z' })),
    log: { kind: 'ALTERED', eventId: at(userStream, 2) },
  },
  {
    what: 'an event moved to another stream',
    change: (h) => replace(h, indexOf(h, userStream, 2), (e) => ({ ...e, streamName: `UserDevices-${testId(997)}`, revision: 0n })),
    stream: { kind: 'REMOVED', eventId: at(userStream, 3) },
    log: { kind: 'ALTERED', eventId: originalAt((h) => indexOf(h, userStream, 2)) },
  },
  {
    what: 'a forged event appended, hashed and linked in its stream and in the global chain',
    change: (h) => relinked([...h, forgedAfter(h, userStream)]),
  },
  {
    what: 'an event rewritten and every later hash and link recomputed, in its stream and in the log',
    change: (h) => {
      const index = indexOf(h, userStream, 3);
      return relinked(rechained(replace(h, index, (e) => ({ ...e, data: { ...e.data, name: 'Rewritten' } })), userStream));
    },
  },
];

describe('verify: a catalogue of tampering, with and without a seal', () => {
  let original: History;
  let keepsLogChain: boolean;
  beforeAll(async () => {
    original = await recorded();
    keepsLogChain = original.every((event) => event.logLink !== undefined);
  });

  const sealOf = (history: History) => ({
    source: 'before.seal.json',
    seal: rightOf(sealTreeHead(treeHeadOf(history, { sealedAt: '2026-12-01T00:00:00.000Z', store: 'test' }), privateKey)),
  });

  it('given the untouched history, then both chains are intact, the global chain where the store keeps it', () => {
    const report = verifyHistory(original);
    expect(report.intact).toBe(true);
    expect(report.log.status).toBe(keepsLogChain ? 'INTACT' : 'NOT_KEPT');
  });

  it.each(CATALOGUE.map((tampering) => [tampering.what, tampering] as const))('given %s, when verified, then the chains name what they can', (_what, tampering) => {
    const tampered = tampering.change(original);
    const report = verifyHistory(tampered);

    const streamFinding = report.findings.find((finding) => finding.chain === 'STREAM');
    if (tampering.stream === undefined) expect(report.findings).toEqual([]);
    else expect(streamFinding).toEqual(expect.objectContaining({ kind: tampering.stream.kind, eventId: tampering.stream.eventId(original, tampered) }));

    if (!keepsLogChain) expect(report.log.status).toBe('NOT_KEPT');
    else if (tampering.log === undefined) expect(report.log.status).toBe('INTACT');
    else expect(report.log.finding).toEqual(expect.objectContaining({ chain: 'LOG', kind: tampering.log.kind, eventId: tampering.log.eventId(original, tampered) }));

    const caughtByChains = tampering.stream !== undefined || (keepsLogChain && tampering.log !== undefined);
    expect(report.intact).toBe(!caughtByChains);
  });

  it.each(CATALOGUE.map((tampering) => [tampering.what] as const))('given %s after a seal, when verified against it, then the seal catches it or reports the unsealed events', (what) => {
    const tampering = CATALOGUE.find((candidate) => candidate.what === what);
    if (tampering === undefined) throw new Error(what);
    const tampered = tampering.change(original);

    const report = verifyAgainstSeals(tampered, [sealOf(original)], publicKey);

    const [sealStatus] = report.seals.map((seal) => seal.status);
    const caughtBySeal = sealStatus !== 'INTACT' || report.unsealed.length > 0;
    expect(caughtBySeal).toBe(true);
  });
});
