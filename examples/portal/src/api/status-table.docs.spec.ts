import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { statusTableMarkdown } from './status-table';

const portalDoc = join(__dirname, '..', '..', '..', '..', 'docs', 'portal.md');

/** The Markdown table of docs/portal.md that starts with the status table's header, as its lines. */
const documentedTable = (markdown: string): readonly string[] => {
  const lines = markdown.split('\n');
  const [header] = statusTableMarkdown().split('\n');
  const start = lines.indexOf(header ?? '');
  if (start < 0) return [];
  const end = lines.findIndex((line, index) => index > start && !line.startsWith('|'));
  return lines.slice(start, end < 0 ? lines.length : end);
};

describe("docs/portal.md's table of statuses", () => {
  it('given the table the API answers by, then docs/portal.md shows it row for row', () => {
    expect(documentedTable(readFileSync(portalDoc, 'utf8'))).toEqual(statusTableMarkdown().split('\n'));
  });
});
