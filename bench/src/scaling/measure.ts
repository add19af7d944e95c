import { rmSync } from 'node:fs';
import { join } from 'node:path';
import * as E from 'fp-ts/Either';
import { latencyOf, type Latency } from '../drive';
import type { Seed } from '../seed';
import { copyInto } from '../systems/ours';
import { startProcess, type Process } from './processes';
import { openTarget, type StoreKind, type Target } from './targets';
import { HandlerDone, NotifierDone, Ready, ServerListening, type HandlerReport, type NotifierReport } from './wire';
import { expectedCommands, expectedSmsNotices, shareOf, type ScalingSizes } from './workload';

export type Measurement = Readonly<{
  store: StoreKind;
  processes: number;
  run: number;
  expectedCommands: number;
  accepted: number;
  seconds: number;
  perSecond: number;
  /** Per command, as its sender saw it, with several in flight per process. */
  latency: Latency;
  conflicts: number;
  expectedNotices: number;
  noticesSent: number;
  /** Each SMS: from the handler's result for the enrollment that caused it to the sender's call. */
  noticeLatency: Latency;
  /** Anything wrong with the run; a run with problems has no figures worth printing. */
  problems: readonly string[];
}>;

export type MeasureRequest = Readonly<{ store: StoreKind; processes: number; run: number; sizes: ScalingSizes; seed: Seed; directory: string }>;

const startupMs = 60_000;
const runMs = 10 * 60_000;
/** How long the worker may take, after the last command, to send what is left. */
const drainMs = 3 * 60_000;

const orThrow = <A>(either: E.Either<string, A>): A => {
  if (E.isLeft(either)) throw new Error(either.left);
  return either.right;
};

/** A fresh store holding the seed: a new SQLite file, or a new test server in its own process. */
const prepareTarget = async (request: MeasureRequest, started: Process[]): Promise<Target> => {
  let target: Target;
  if (request.store === 'sqlite') {
    target = { kind: 'sqlite', path: join(request.directory, `scaling-${request.processes}-${request.run}.sqlite`) };
  } else {
    const server = startProcess('server-process.ts', {});
    started.push(server);
    const listening = orThrow(await server.next(ServerListening, 'the server listening', startupMs));
    target = { kind: 'esdb', connectionString: listening.connectionString };
  }
  const seeding = openTarget(target);
  await copyInto(seeding.store, request.seed.events);
  await seeding.close();
  return target;
};

const noticeLatencies = (handlers: readonly HandlerReport[], notifier: NotifierReport, problems: string[]): number[] => {
  const appendedAt = new Map(handlers.flatMap((report) => report.enrollments.map((enrollment) => [enrollment.eventId, enrollment.appendedAt] as const)));
  return notifier.sends.flatMap((send) => {
    const at = appendedAt.get(send.eventId);
    if (at === undefined) {
      problems.push(`notice ${send.noticeId} is about ${send.eventId}, which no handler appended`);
      return [];
    }
    return [send.sentAt - at];
  });
};

/** The figures of one measurement, and what was wrong with it (counts, never timings). */
const summarise = (request: MeasureRequest, handlers: readonly HandlerReport[], notifier: NotifierReport): Measurement => {
  const problems = [...notifier.problems];
  const accepted = handlers.reduce((sum, report) => sum + report.accepted, 0);
  const expected = expectedCommands(request.sizes);
  if (accepted !== expected) problems.push(`${accepted} commands accepted of ${expected}: ${handlers.flatMap((report) => report.failureSamples).join('; ')}`);
  const expectedNotices = expectedSmsNotices(request.sizes);
  const sms = notifier.sends.filter((send) => send.channel === 'SMS');
  if (sms.length !== expectedNotices || notifier.sends.length !== sms.length) {
    problems.push(`${sms.length} SMS sent of ${expectedNotices} expected (${notifier.sends.length} notices in all)`);
  }
  const seconds = (Math.max(...handlers.map((report) => report.endedAt)) - Math.min(...handlers.map((report) => report.startedAt))) / 1000;
  return {
    store: request.store,
    processes: request.processes,
    run: request.run,
    expectedCommands: expected,
    accepted,
    seconds,
    perSecond: accepted / seconds,
    latency: latencyOf(handlers.flatMap((report) => report.latenciesMs)),
    conflicts: handlers.reduce((sum, report) => sum + report.conflicts, 0),
    expectedNotices,
    noticesSent: sms.length,
    noticeLatency: latencyOf(noticeLatencies(handlers, notifier, problems)),
    problems,
  };
};

/**
 * One measurement: a fresh store with the seed, one notification worker, then `processes`
 * handler processes, each ready before any starts, all told `go` at once. The figures come
 * from the processes' reports; every process is ended before this answers.
 */
export const measure = async (request: MeasureRequest): Promise<Measurement> => {
  const started: Process[] = [];
  try {
    const target = await prepareTarget(request, started);
    const notifier = startProcess('notifier-process.ts', { target, group: 'notifications', expectedNotices: expectedSmsNotices(request.sizes) });
    started.push(notifier);
    orThrow(await notifier.next(Ready, 'the worker ready', startupMs));
    const handlers = Array.from({ length: request.processes }, (_, p) => startProcess('handler-process.ts', { target, share: shareOf(request.sizes, p, request.processes), sizes: request.sizes }));
    started.push(...handlers);
    for (const handler of handlers) orThrow(await handler.next(Ready, 'the handler ready', startupMs));
    for (const handler of handlers) handler.send({ kind: 'go' });
    const reports: HandlerReport[] = [];
    for (const handler of handlers) reports.push(orThrow(await handler.next(HandlerDone, 'its report', runMs)).report);
    let sent = await notifier.next(NotifierDone, 'every notice sent', drainMs);
    if (E.isLeft(sent)) {
      // Whatever was sent is reported, and the check below names what is missing.
      notifier.send({ kind: 'stop' });
      sent = await notifier.next(NotifierDone, 'its report', startupMs);
    }
    return summarise(request, reports, orThrow(sent).report);
  } finally {
    for (const each of started) each.send({ kind: 'stop' });
    await Promise.all(started.map((each) => each.end()));
    if (request.store === 'sqlite') {
      for (const suffix of ['', '-wal', '-shm']) rmSync(join(request.directory, `scaling-${request.processes}-${request.run}.sqlite${suffix}`), { force: true });
    }
  }
};
