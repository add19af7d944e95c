import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as t from 'io-ts';
import { eventCodecs, eventTypes } from './events';
import { errorCodes } from './shared/errors';
import { EventMetadata } from './shared/metadata';
import { defaultPolicy } from './shared/policy';

/** docs/domain.md and docs/events.md describe this package: they must keep up with it. */
const docs = join(__dirname, '..', '..', '..', 'docs');
const eventsDoc = readFileSync(join(docs, 'events.md'), 'utf8');
const domainDoc = readFileSync(join(docs, 'domain.md'), 'utf8');

const fieldsOf = (codec: t.Decoder<unknown, unknown>): readonly string[] => {
  if (codec instanceof t.InterfaceType || codec instanceof t.PartialType) return Object.keys(codec.props);
  if (codec instanceof t.IntersectionType) return codec.types.flatMap((member: t.Decoder<unknown, unknown>) => fieldsOf(member));
  return [];
};

/** The catalogue's row of an event type: the one that starts with its name and is not the schema-version table's. */
const rowOf = (type: string): string =>
  eventsDoc.split('\n').find((line) => (line.startsWith(`| \`${type}\` |`) || line.startsWith(`| \`${type}\` (`)) && !/^\| `\w+` \| \d+ \|/.test(line)) ?? '';

describe('docs/events.md, the event catalogue', () => {
  it.each(eventTypes)('lists %s with each of its data fields', (type) => {
    const row = rowOf(type);
    expect(row).not.toBe('');
    fieldsOf(eventCodecs[type].props.data).forEach((field) => expect(row).toContain(`\`${field}\``));
  });

  it('describes every metadata field', () => {
    [...fieldsOf(EventMetadata), 'actor.stepUp', 'actor.firstDevice', 'actor.role'].forEach((field) => expect(eventsDoc).toContain(`\`${field}`));
  });
});

describe('docs/domain.md, the rules', () => {
  it.each(errorCodes.filter((code) => code !== 'CONCURRENCY_CONFLICT'))('names the error code %s', (code) => {
    expect(domainDoc).toContain(`\`${code}\``);
  });

  it.each(Object.keys(defaultPolicy))('documents the policy field %s', (field) => {
    expect(domainDoc).toContain(`\`${field}\``);
  });
});
