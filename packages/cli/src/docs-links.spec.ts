import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

// docs/ never links outside the repository, and every link in it, and in the README, leads to
// a file that exists. docs/api/ is TypeDoc's output (`pnpm docs:api`), not written by hand.
const root = join(__dirname, '..', '..', '..');
const docs = join(root, 'docs');
const generated = join(docs, 'api');

const markdownFiles = (dir: string): readonly string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (path === generated) return [];
    return statSync(path).isDirectory() ? markdownFiles(path) : name.endsWith('.md') ? [path] : [];
  });

/** The targets of the inline links of a page, outside code blocks. */
const linksOf = (file: string): readonly string[] => {
  const prose = readFileSync(file, 'utf8').replace(/^```[\s\S]*?^```$/gm, '');
  return [...prose.matchAll(/\]\(([^)\s]+)\)/g)].flatMap((match) => (match[1] === undefined ? [] : [match[1]]));
};

const pages = [...markdownFiles(docs), join(root, 'README.md')];

describe('the links of docs/ and the README', () => {
  it.each(markdownFiles(docs).map((file) => [relative(root, file)]))('given %s, then it links to nothing outside the repository', (page) => {
    expect(linksOf(join(root, page)).filter((target) => /^[a-z][a-z+.-]*:/i.test(target))).toEqual([]);
  });

  it.each(pages.map((file) => [relative(root, file)]))('given %s, then every file it links to exists', (page) => {
    const file = join(root, page);
    const broken = linksOf(file)
      .filter((target) => !/^[a-z][a-z+.-]*:/i.test(target) && !target.startsWith('#'))
      .filter((target) => !existsSync(join(dirname(file), decodeURIComponent(target.split('#')[0] ?? ''))));
    expect(broken).toEqual([]);
  });
});
