import { InvalidArgumentError } from 'commander';
import { parseUtcTime, windowOf } from './report-options';

describe('the report options: times in UTC and a window', () => {
  it.each([
    ['2026-11-28T10:00:00Z', '2026-11-28T10:00:00.000Z'],
    ['2026-11-28T10:00Z', '2026-11-28T10:00:00.000Z'],
    ['2026-11-28T10:00:00.5Z', '2026-11-28T10:00:00.500Z'],
    ['2026-11-28', '2026-11-28T00:00:00.000Z'],
  ])('given %s, when parsed, then it is the instant %s', (given, instant) => {
    expect(parseUtcTime(given)).toBe(instant);
  });

  it.each([['2026-11-28T10:00:00+01:00'], ['2026-11-28T10:00:00'], ['2026-02-30'], ['2026-11-28T24:00:00Z'], ['yesterday'], ['']])(
    'given %j, which is not an ISO 8601 UTC time that exists, when parsed, then it is refused for Commander to name the option',
    (given) => {
      expect(() => parseUtcTime(given)).toThrow(InvalidArgumentError);
      expect(() => parseUtcTime(given)).toThrow(`must be an ISO 8601 time in UTC, such as 2026-11-28T10:00:00Z; got ${JSON.stringify(given)}`);
    },
  );

  it('given from and to, when the window is taken, then it holds both; given neither, it is open', () => {
    expect(windowOf({ format: 'text', from: '2026-11-28T10:00:00.000Z', to: '2026-11-28T11:00:00.000Z' })).toEqual({
      from: '2026-11-28T10:00:00.000Z',
      to: '2026-11-28T11:00:00.000Z',
    });
    expect(windowOf({ format: 'text' })).toEqual({});
  });

  it('given from not before to, when the window is taken, then it is refused naming both options', () => {
    expect(() => windowOf({ format: 'text', from: '2026-11-28T11:00:00.000Z', to: '2026-11-28T11:00:00.000Z' })).toThrow(
      '--from (2026-11-28T11:00:00.000Z) must be before --to (2026-11-28T11:00:00.000Z)',
    );
  });
});
