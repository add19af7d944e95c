/**
 * The notification worker of a measurement: one `runNotificationWorker` on the store's
 * consumer groups, with a sender that records when it is called. Creates the group (from the
 * end of the log) before it says `ready`, so that it is told of the timed commands only; reports
 * once the expected notices are all sent, or when the parent says `stop`.
 */
import * as E from 'fp-ts/Either';
import { noticeEventTypes, runNotificationWorker, type NotificationSender } from '@ssp/notifications';
import { configOf, dieLoudly, nextFromParent, reportAndExit } from './processes';
import { openTargetWithGroups } from './targets';
import { epochNow, NotifierConfig, Stop, type NotifierReport, type Send } from './wire';

const main = async (): Promise<void> => {
  const config = configOf(NotifierConfig);
  const opened = openTargetWithGroups(config.target);
  // The worker's own settings (see runNotificationWorker), so that its `create` finds this group as it would have made it.
  const created = await opened.groups.create(config.group, {
    startFrom: 'end',
    filter: { kind: 'eventType', types: [...noticeEventTypes] },
    maxRetryCount: 10,
    messageTimeoutMs: 30_000,
  })();
  if (E.isLeft(created)) throw new Error(`cannot create the group ${config.group}: ${created.left.kind}`);

  // The first call per notice: a repeat (the outbox may send twice) is not a second SMS.
  const sends = new Map<string, Send>();
  let attempts = 0;
  let allSent = (): void => undefined;
  const everyNoticeSent = new Promise<void>((resolve) => {
    allSent = resolve;
  });
  const sender: NotificationSender = {
    send: (notice) => async () => {
      attempts += 1;
      if (!sends.has(notice.noticeId)) sends.set(notice.noticeId, { noticeId: notice.noticeId, eventId: notice.eventId, channel: notice.channel, sentAt: epochNow() });
      if (sends.size >= config.expectedNotices) allSent();
      return E.right(undefined);
    },
  };
  const problems: string[] = [];
  const worker = runNotificationWorker({
    store: opened.store,
    groups: opened.groups,
    group: config.group,
    sender,
    onSettled: (_delivery, settlement) => {
      if (settlement.action === 'ack' || problems.length >= 3) return;
      problems.push(`${settlement.action}: ${settlement.reason}`);
      process.stderr.write(`  notification worker: ${settlement.action}: ${settlement.reason}\n`);
    },
  });
  void worker.done.then((done) => {
    if (E.isLeft(done)) problems.push(`the worker stopped: ${done.left.kind}`);
  });
  process.send?.({ kind: 'ready' });
  await Promise.race([everyNoticeSent, nextFromParent(Stop)]);
  await worker.close();
  await opened.close();
  const report: NotifierReport = { sends: [...sends.values()], attempts, problems };
  reportAndExit({ kind: 'sent', report });
};

main().catch(dieLoudly);
