import type { SealsReport } from '@ssp/projections';

/** How many unsealed events are listed one by one in text; `--json` lists them all. */
const LISTED_UNSEALED = 20;

/** The seal findings of `verify --seal`, in words, one line each. */
export const sealReportLines = (report: SealsReport): readonly string[] => {
  const seals = report.seals.map(
    (check, index) =>
      `seal ${index + 1} (${check.source}: ${check.treeSize} events, sealed ${check.sealedAt}): ${check.status === 'INTACT' ? 'intact' : check.status}: ${check.detail}`,
  );
  const extensions = report.extensions.map((extension) => `${extension.status === 'EXTENDS' ? 'extends' : extension.status}: ${extension.detail}`);
  const first = report.unsealed[0];
  const last = report.unsealed[report.unsealed.length - 1];
  const unsealed =
    first === undefined || last === undefined
      ? ['unsealed: none, every event is under a seal']
      : [
          `unsealed: ${report.unsealed.length === 1 ? '1 event' : `${report.unsealed.length} events`} after the last seal (positions ${first.position} to ${last.position}): no seal vouches for them yet`,
          ...report.unsealed.slice(0, LISTED_UNSEALED).map((e) => `  ${e.streamName}@${e.revision} (event ${e.eventId}) ${e.type} at position ${e.position}`),
          ...(report.unsealed.length > LISTED_UNSEALED ? [`  … and ${report.unsealed.length - LISTED_UNSEALED} more (--json lists them all)`] : []),
        ];
  return [...seals, ...extensions, ...unsealed];
};
