/** A span of time a report is limited to: `from` inclusive, `to` exclusive; either may be open. */
export type TimeWindow = Readonly<{ from?: string; to?: string }>;

/**
 * Whether a moment lies in the window. Times compare as instants, not as text:
 * `…10:00:00Z` and `…10:00:00.000Z` are the same moment.
 */
export const isWithin =
  (window: TimeWindow) =>
  (occurredAt: string): boolean => {
    const at = Date.parse(occurredAt);
    return (window.from === undefined || at >= Date.parse(window.from)) && (window.to === undefined || at < Date.parse(window.to));
  };
