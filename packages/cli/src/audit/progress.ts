import cliProgress from 'cli-progress';

export type Progress = Readonly<{
  /** Counts events read; the total is unknown until the end of history. */
  reading: (eventsRead: number) => void;
  /** A phase whose total is known, such as checking every event's hash. */
  phase: (label: string, total: number) => (done: number) => void;
  stop: () => void;
}>;

const silent: Progress = { reading: () => undefined, phase: () => () => undefined, stop: () => undefined };

/**
 * Progress on stderr, and only on a terminal: piped output and `--json` stay clean for
 * machines, and a log file never fills with redraws.
 */
export const createProgress = (stream: NodeJS.WriteStream = process.stderr): Progress => {
  if (stream.isTTY !== true) return silent;
  let bar: cliProgress.SingleBar | undefined;
  const finish = () => {
    bar?.stop();
    bar = undefined;
  };
  return {
    reading: (eventsRead) => {
      if (bar === undefined) {
        bar = new cliProgress.SingleBar({ stream, format: 'reading history… {value} events', hideCursor: true }, cliProgress.Presets.shades_classic);
        bar.start(0, 0);
      }
      bar.setTotal(eventsRead);
      bar.update(eventsRead);
    },
    phase: (label, total) => {
      finish();
      const phaseBar = new cliProgress.SingleBar({ stream, format: `${label} [{bar}] {value}/{total} events`, hideCursor: true }, cliProgress.Presets.shades_classic);
      phaseBar.start(total, 0);
      bar = phaseBar;
      return (done) => phaseBar.update(done);
    },
    stop: finish,
  };
};
