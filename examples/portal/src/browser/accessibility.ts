/**
 * The accessibility check of every page the browser specs visit: axe-core, injected into the
 * page as it is, run over the whole document. Violations of impact `serious` or `critical`
 * fail a spec; `minor` and `moderate` ones are axe's advice, not failures.
 */
import axe from 'axe-core';
import * as E from 'fp-ts/Either';
import * as t from 'io-ts';
import type { Page } from 'playwright-core';

/** The part of axe's results the check reads; the rest is left as axe answers it. */
const AxeViolations = t.type({
  violations: t.array(
    t.type({
      id: t.string,
      impact: t.union([t.string, t.null, t.undefined]),
      help: t.string,
      nodes: t.array(t.type({ html: t.string })),
    }),
  ),
});

const failing: ReadonlySet<string> = new Set(['serious', 'critical']);

/**
 * The serious and critical violations on the page as it is now, one line each (rule, impact,
 * what it asks, the first elements at fault): an empty list when the page passes.
 */
export const accessibilityProblemsOf = async (page: Page): Promise<readonly string[]> => {
  await page.addScriptTag({ content: axe.source });
  // A string, run in the page: this package's TypeScript has no DOM types to describe it.
  const answered: unknown = await page.evaluate('axe.run(document, { resultTypes: ["violations"] })');
  const results = AxeViolations.decode(answered);
  if (E.isLeft(results)) throw new Error(`axe-core answered something unexpected on ${page.url()}`);
  return results.right.violations
    .filter((violation) => failing.has(violation.impact ?? ''))
    .map((violation) => {
      const where = violation.nodes.slice(0, 3).map((node) => node.html).join(' | ');
      return `${page.url()}: ${violation.id} (${violation.impact ?? ''}): ${violation.help}: ${where}`;
    });
};

/** Fails the running test, listing them, when the page has serious or critical violations. */
export const expectAccessible = async (page: Page): Promise<void> => {
  expect(await accessibilityProblemsOf(page)).toEqual([]);
};
