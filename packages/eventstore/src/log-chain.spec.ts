import { hashLogEntry, linkInLog, type LogEntry } from './log-chain';
import { positionOf } from './position';

const entry: LogEntry = {
  eventId: '00000000-0000-4000-8000-000000000001',
  type: 'DeviceRenamed',
  data: { name: 'Work' },
  metadata: { occurredAt: '2026-11-28T10:00:00.000Z', hash: 'a'.repeat(64) },
  streamName: 'UserDevices-00000000-0000-4000-8000-000000000002',
  revision: 3n,
  position: positionOf(17n),
  recordedAt: '2026-11-28T10:00:00.123Z',
};

describe('the global chain’s log hash', () => {
  it.each<[string, Partial<LogEntry>]>([
    ['the event id', { eventId: '00000000-0000-4000-8000-000000000009' }],
    ['the type', { type: 'DeviceRemoved' }],
    ['the stream', { streamName: 'UserDevices-00000000-0000-4000-8000-000000000003' }],
    ['the revision', { revision: 4n }],
    ['the position', { position: positionOf(18n) }],
    ['the recorded time', { recordedAt: '2020-01-01T00:00:00.000Z' }],
    ['the stream hash it carries', { metadata: { ...entry.metadata, hash: 'b'.repeat(64) } }],
  ])('given %s changed, then the log hash changes', (_what, change) => {
    expect(hashLogEntry({ ...entry, ...change }, undefined)).not.toBe(hashLogEntry(entry, undefined));
  });

  it('given the event before it changed, then its log hash changes: each link commits to the whole log before it', () => {
    expect(hashLogEntry(entry, 'c'.repeat(64))).not.toBe(hashLogEntry(entry, 'd'.repeat(64)));
  });

  it('given an event without a stream hash (another writer’s), when its data or metadata changes, then the log hash changes: its content is covered directly', () => {
    const { hash: _none, ...metadata } = entry.metadata;
    const foreign = { ...entry, metadata };
    expect(hashLogEntry({ ...foreign, data: { name: 'Home' } }, undefined)).not.toBe(hashLogEntry(foreign, undefined));
    expect(hashLogEntry({ ...foreign, metadata: { occurredAt: '2020-01-01T00:00:00.000Z' } }, undefined)).not.toBe(hashLogEntry(foreign, undefined));
  });

  it('given the first event of the log, then its link has no previous hash; a later one names it', () => {
    const first = linkInLog(entry, undefined);
    expect(first).toEqual({ hash: hashLogEntry(entry, undefined) });
    expect(linkInLog(entry, first.hash)).toEqual({ hash: hashLogEntry(entry, first.hash), previousHash: first.hash });
  });
});
