import { retainedBytesOf } from './retained-bytes';

describe('retainedBytesOf', () => {
  it('given values of growing content, when estimated, then the estimate grows with them', () => {
    const small = { name: 'a', devices: [] as string[] };
    const larger = { name: 'a much longer name', devices: ['phone', 'tablet'] };

    expect(retainedBytesOf(larger)).toBeGreaterThan(retainedBytesOf(small));
    expect(retainedBytesOf('x'.repeat(100))).toBeGreaterThanOrEqual(200);
  });

  it('given maps and nested objects, when estimated, then their entries count', () => {
    const empty = new Map<string, object>();
    const full = new Map([['a', { n: 1 }], ['b', { n: 2 }]]);

    expect(retainedBytesOf(full)).toBeGreaterThan(retainedBytesOf(empty));
    expect(retainedBytesOf({ inner: { deeper: { text: 'abc' } } })).toBeGreaterThan(retainedBytesOf({ inner: {} }));
  });
});
