/**
 * Every command of a run is decided at one instant: the step-ups completed in the setup stay
 * fresh (they authorise changes for five minutes), and a slow system is judged by the same
 * rules as a fast one, however long its run takes.
 */
export const benchInstant = '2026-11-28T10:00:00.000Z';
export const benchClock = (): string => benchInstant;
