import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

// Every ```ts block in docs/ is type-checked against the real packages, so that the docs never
// show a function that does not exist. A block fenced ```ts fragment is an excerpt (a
// signature, a line out of context) and is left out; say so in the text around it.
const root = join(__dirname, '..', '..', '..');
const docs = join(root, 'docs');

// docs/api/ is TypeDoc's output (`pnpm docs:api`), with copies of the pages it links to.
const generated = join(docs, 'api');

const markdownFiles = (dir: string): readonly string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (path === generated) return [];
    return statSync(path).isDirectory() ? markdownFiles(path) : name.endsWith('.md') ? [path] : [];
  });

type Snippet = Readonly<{ doc: string; index: number; code: string }>;

const snippetsOf = (doc: string): readonly Snippet[] => {
  const blocks = [...readFileSync(doc, 'utf8').matchAll(/^```ts\n([\s\S]*?)^```$/gm)];
  return blocks.map((block, index) => ({ doc: relative(root, doc), index: index + 1, code: block[1] ?? '' }));
};

const snippets = markdownFiles(docs).flatMap(snippetsOf);

const compilerOptions: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.Node16,
  moduleResolution: ts.ModuleResolutionKind.Node16,
  strict: true,
  noUncheckedIndexedAccess: true,
  esModuleInterop: true,
  skipLibCheck: true,
  noEmit: true,
  types: ['node'],
};

describe('the snippets in docs/', () => {
  it('given the docs, then they hold TypeScript snippets to check', () => {
    expect(snippets.length).toBeGreaterThan(5);
  });

  it('given every ```ts snippet, when type-checked against the packages, then none has an error', () => {
    // The snippets live, virtually, in the CLI package, which depends on every other package.
    const files = new Map(snippets.map((s) => [join(root, 'packages', 'cli', 'src', `__snippet_${s.doc.replace(/\W/g, '_')}_${s.index}.ts`), s]));
    const host = ts.createCompilerHost(compilerOptions);
    const readFile = host.readFile.bind(host);
    const fileExists = host.fileExists.bind(host);
    const getSourceFile = host.getSourceFile.bind(host);
    host.readFile = (name) => files.get(name)?.code ?? readFile(name);
    host.fileExists = (name) => files.has(name) || fileExists(name);
    host.getSourceFile = (name, language, onError) => {
      const snippet = files.get(name);
      return snippet === undefined ? getSourceFile(name, language, onError) : ts.createSourceFile(name, snippet.code, language);
    };
    const program = ts.createProgram([...files.keys()], compilerOptions, host);
    const problems = ts.getPreEmitDiagnostics(program).flatMap((diagnostic) => {
      const snippet = diagnostic.file === undefined ? undefined : files.get(diagnostic.file.fileName);
      if (snippet === undefined) return [];
      const line = diagnostic.file !== undefined && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1 : 0;
      return [`${snippet.doc}, snippet ${snippet.index}, line ${line}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`];
    });
    expect(problems).toEqual([]);
  }, 120_000);
});
