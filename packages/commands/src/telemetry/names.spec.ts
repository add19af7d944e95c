import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { commandAttributes, commandMetrics, commandOutcomes, commandSpanName, conflictEventName, unknownCommandType } from './names';

/** docs/observability.md is what operators build dashboards from: it must name everything the handler emits. */
const doc = readFileSync(join(__dirname, '..', '..', '..', '..', 'docs', 'observability.md'), 'utf8');

describe('docs/observability.md, the command side', () => {
  it('names the span', () => {
    expect(doc).toContain(`\`${commandSpanName('<CommandType>')}\``);
  });

  it.each([...Object.values(commandAttributes), conflictEventName])('names %s', (name) => {
    expect(doc).toContain(`\`${name}\``);
  });

  it.each(Object.values(commandMetrics))('describes the metric %s in the metrics table', (name) => {
    expect(doc).toMatch(new RegExp(`^\\| \`${name.replace(/\./g, '\\.')}\` \\|`, 'm'));
  });

  it.each([...commandOutcomes, unknownCommandType])('names the value %s', (value) => {
    expect(doc).toContain(`\`${value}\``);
  });
});
