import { comparePositions, firstSequenceFrom, positionOf } from './position';

describe('firstSequenceFrom, for stores whose positions are positionOf(sequence)', () => {
  it('given start, when reading or subscribing, then the first sequence is 1', () => {
    expect(firstSequenceFrom('start', 'inclusive')).toBe(1n);
    expect(firstSequenceFrom('start', 'exclusive')).toBe(1n);
  });

  it('given position 0/0, before every event, then reading and subscribing both start at sequence 1', () => {
    expect(firstSequenceFrom(positionOf(0n), 'inclusive')).toBe(1n);
    expect(firstSequenceFrom(positionOf(0n), 'exclusive')).toBe(1n);
  });

  it('given the position of sequence 5, when reading from it, then 5 is included, and when subscribing after it, then it is not', () => {
    expect(firstSequenceFrom(positionOf(5n), 'inclusive')).toBe(5n);
    expect(firstSequenceFrom(positionOf(5n), 'exclusive')).toBe(6n);
  });

  it('given positions such a store never hands out, then each starts at the first sequence comparePositions puts at or after it', () => {
    const positions = [
      { commit: 5n, prepare: 3n },
      { commit: 5n, prepare: 7n },
      { commit: 0n, prepare: 9n },
    ];
    const sequences = Array.from({ length: 12 }, (_, index) => BigInt(index + 1));
    for (const position of positions) {
      const atOrAfter = sequences.find((sequence) => comparePositions(positionOf(sequence), position) >= 0);
      const after = sequences.find((sequence) => comparePositions(positionOf(sequence), position) > 0);
      expect([firstSequenceFrom(position, 'inclusive'), firstSequenceFrom(position, 'exclusive')]).toEqual([atOrAfter, after]);
    }
  });
});
