import { isWithin } from './window';

describe('a report\'s time window', () => {
  const window = { from: '2026-11-28T10:00:00Z', to: '2026-11-28T11:00:00.000Z' };

  it('given a moment equal to `from`, written with or without milliseconds, then it is inside: from is inclusive', () => {
    expect(isWithin(window)('2026-11-28T10:00:00.000Z')).toBe(true);
    expect(isWithin(window)('2026-11-28T10:00:00Z')).toBe(true);
  });

  it('given a moment equal to `to`, then it is outside: to is exclusive; a moment just before is inside', () => {
    expect(isWithin(window)('2026-11-28T11:00:00.000Z')).toBe(false);
    expect(isWithin(window)('2026-11-28T10:59:59.999Z')).toBe(true);
  });

  it('given a moment before `from`, then it is outside', () => {
    expect(isWithin(window)('2026-11-28T09:59:59.999Z')).toBe(false);
  });

  it('given an open window, then every moment on the open side is inside', () => {
    expect(isWithin({})('1970-01-01T00:00:00.000Z')).toBe(true);
    expect(isWithin({ from: window.from })('2999-01-01T00:00:00.000Z')).toBe(true);
    expect(isWithin({ to: window.to })('1970-01-01T00:00:00.000Z')).toBe(true);
  });
});
