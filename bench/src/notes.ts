import type { Sizes } from './options';

/** What a reader of the figures must know, printed under the table and kept in the JSON. */
export const standingNotes = (sizes: Sizes): string[] => [
  `W1: ${sizes.users.toLocaleString('en-US')} users × ${sizes.rounds} device commands, round-robin (the r-th command of every user, then the (r+1)-th); every command accepted and appending one UserDevices event. A figure marked * stopped at its time budget (${sizes.budgetMs.w1 / 1000} s one at a time, ${sizes.budgetMs.w1Concurrent / 1000} s with several in flight) after whole rounds.`,
  `W2: ${sizes.w2Commands.toLocaleString('en-US')} renames on one user whose UserDevices stream already holds ${sizes.w2History.toLocaleString('en-US')} events, one at a time; a figure marked * stopped at the ${sizes.budgetMs.w2 / 1000} s budget.`,
  "W3: W1's whole history replayed into a devices-per-user read model; events/s over the events each replay went through (Emmett in memory: each user's stream, read one by one, as its in-memory store has no read of all streams).",
  'Ours: the full command path (decode, the context streams, claims, metadata, hash chain); no cache = cacheCapacity 0. Emmett: our UserDevices decider (decide, evolve, initial state) inside its CommandHandler; the command decoded with our codecs; it reads and appends only the target stream, its context (account, session, application) handed to it as folded after the setup, and it writes no claims, metadata or hashes.',
  'Emmett SQLite default: getSQLiteEventStore({ fileName }), a connection opened per operation. Tuned: one long-lived connection (WAL, which Emmett sets on every connection) with synchronous=FULL stated. Its failures (SQLITE_BUSY and what follows from them) are counted in the notes, not fatal; a system that failed is cut at its budget.',
  'Ceilings: a plain Map of arrays; better-sqlite3 with one table in WAL at synchronous=FULL, one IMMEDIATE transaction per command (a bare INSERT, or the stream read and parsed then the INSERT); W3: a loop over an array, and better-sqlite3 reading one table. Ceilings run one command at a time.',
  'Each figure: the median over runs, each run a fresh Node process; ratios are taken within a run, then their median. SQLite files in the OS temp directory, all at synchronous=FULL.',
];
