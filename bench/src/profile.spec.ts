import { shortPath, topSelfTime } from './profile';

describe('topSelfTime', () => {
  it('charges each sample the time until the next, and sums one function reached along several stacks', () => {
    // given a profile where `decode` is sampled under two parents and `hash` once
    const frame = (functionName: string, lineNumber: number) => ({ functionName, url: 'file:///repo/x.ts', lineNumber, scriptId: '1', columnNumber: 0 });
    const profile = {
      nodes: [
        { id: 1, callFrame: frame('(root)', -1) },
        { id: 2, callFrame: frame('decode', 9) },
        { id: 3, callFrame: frame('decode', 9) },
        { id: 4, callFrame: frame('hash', 19) },
      ],
      samples: [2, 3, 4, 2],
      timeDeltas: [0, 1_000, 2_000, 3_000],
    };

    // when
    const top = topSelfTime(profile, 15);

    // then: decode stood for 1 ms + 2 ms + nothing after the last sample, hash for 3 ms
    expect(top.map(({ functionName, line, selfMs }) => [functionName, line, selfMs])).toEqual([
      ['decode', 10, 3],
      ['hash', 20, 3],
    ]);
    expect(top[0]?.percent).toBeCloseTo(50);
  });

  it('answers nothing for what is not a profile', () => {
    expect(topSelfTime({ nodes: 'no' }, 15)).toEqual([]);
  });
});

describe('shortPath', () => {
  it('keeps a package path from node_modules, and a repository path from the root', () => {
    expect(shortPath('/r/node_modules/.pnpm/io-ts@2.2.22/node_modules/io-ts/lib/index.js', '/r')).toBe('io-ts/lib/index.js');
    expect(shortPath('/r/packages/domain/src/commands.ts', '/r')).toBe('packages/domain/src/commands.ts');
  });
});
