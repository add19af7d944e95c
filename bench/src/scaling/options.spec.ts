import * as E from 'fp-ts/Either';
import { parseScalingOptions } from './options';
import { quickScalingSizes } from './workload';

describe('parseScalingOptions', () => {
  it('given no arguments, when parsed, then three runs of 1, 2 and 4 processes on both stores', () => {
    const parsed = parseScalingOptions([], 'out.json');
    expect(E.isRight(parsed) && parsed.right).toMatchObject({ runs: 3, processes: [1, 2, 4], stores: ['sqlite', 'esdb'], out: 'out.json', quick: false });
  });

  it('given --quick --processes 2,1 --stores esdb, when parsed, then the quick sizes, the counts in order and one store', () => {
    const parsed = parseScalingOptions(['--quick', '--processes', '2,1', '--stores', 'esdb'], 'out.json');
    expect(E.isRight(parsed) && parsed.right).toMatchObject({ sizes: quickScalingSizes, processes: [1, 2], stores: ['esdb'] });
  });

  it.each([['--processes', '0'], ['--stores', 'postgres'], ['--runs', 'two']])('given %s %s, when parsed, then a message names the option', (name, value) => {
    const parsed = parseScalingOptions([name, value], 'out.json');
    expect(E.isLeft(parsed) && parsed.left).toContain(name);
  });
});
