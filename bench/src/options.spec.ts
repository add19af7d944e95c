import * as E from 'fp-ts/Either';
import { fullSizes, parseOptions, quickSizes } from './options';

describe('parseOptions', () => {
  it('defaults to three runs of every workload on every family, at full size', () => {
    const parsed = parseOptions([], '/out.json');
    expect(parsed).toEqual(E.right({ runs: 3, quick: false, sizes: fullSizes, workloads: ['w1', 'w2', 'w3'], families: ['ours', 'emmett', 'ceiling'], out: '/out.json', profile: false }));
  });

  it('takes the runs, the quick sizes, the workloads, the families, the output and the profile', () => {
    const parsed = parseOptions(['--runs', '5', '--quick', '--only', 'w3,w1', '--systems', 'ours', '--out', 'x.json', '--profile'], '/out.json');
    expect(parsed).toEqual(E.right({ runs: 5, quick: true, sizes: quickSizes, workloads: ['w1', 'w3'], families: ['ours'], out: 'x.json', profile: true }));
  });

  it.each([
    [['--runs', '0'], '--runs takes a positive integer; got 0'],
    [['--only', 'w4'], '--only takes a comma-separated list of w1, w2, w3; got w4'],
    [['--systems', ''], '--systems takes a comma-separated list of ours, emmett, ceiling; got '],
  ])('refuses %j, naming the option', (argv, message) => {
    expect(parseOptions(argv, '/out.json')).toEqual(E.left(message));
  });

  it('refuses an unknown option', () => {
    const parsed = parseOptions(['--fast'], '/out.json');
    expect(E.isLeft(parsed) && parsed.left).toMatch(/--fast/);
  });
});
