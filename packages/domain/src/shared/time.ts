/** Time arithmetic on ISO strings. The domain never reads a clock: `now` always comes in. */
export const addSeconds = (iso: string, seconds: number): string =>
  new Date(Date.parse(iso) + seconds * 1000).toISOString();

export const secondsBetween = (earlier: string, later: string): number =>
  (Date.parse(later) - Date.parse(earlier)) / 1000;

export const isAfter = (a: string, b: string): boolean => Date.parse(a) > Date.parse(b);
