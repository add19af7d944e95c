import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProjectionError } from '../runner/errors';
import { batchSpanName, projectionAttributes, projectionMetrics, projectionPhases } from './names';

/** docs/observability.md is what operators build dashboards from: it must name everything the runner emits. */
const doc = readFileSync(join(__dirname, '..', '..', '..', '..', 'docs', 'observability.md'), 'utf8');

// Every kind of error, checked by the compiler: a new kind must be added here, and so documented.
const errorKinds: Record<ProjectionError['kind'], null> = { Undecodable: null, CorruptDocument: null, StoreFailed: null, SubscriptionDropped: null };

describe('docs/observability.md, the read side', () => {
  it('names the span', () => {
    expect(doc).toContain(`\`${batchSpanName('<projection>')}\``);
  });

  it.each(Object.values(projectionAttributes))('names %s', (name) => {
    expect(doc).toContain(`\`${name}\``);
  });

  it.each(Object.values(projectionMetrics))('describes the metric %s in the metrics table', (name) => {
    expect(doc).toMatch(new RegExp(`^\\| \`${name.replace(/\./g, '\\.')}\` \\|`, 'm'));
  });

  it.each([...projectionPhases, ...Object.keys(errorKinds)])('names the value %s', (value) => {
    expect(doc).toContain(`\`${value}\``);
  });
});
