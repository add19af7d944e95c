import { createRetainedBytesMeter, retainedBytesOf } from './retained-bytes';

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

  it('given states that share parts, when measured by a meter, then each comes to what a full walk gives', () => {
    const phone = { deviceId: 'a', name: 'Work', extra: ['x', 'y'] };
    const before = { phones: [phone, { deviceId: 'b', name: 'Home' }], tokens: [], username: 'alice' };
    const renamed = { ...before, phones: [{ ...phone, name: 'Office phone' }, before.phones[1]] };
    const meter = createRetainedBytesMeter();

    expect([meter(before), meter(renamed), meter(before)]).toEqual([retainedBytesOf(before), retainedBytesOf(renamed), retainedBytesOf(before)]);
    expect(meter(renamed)).toBeGreaterThan(meter(before));
  });
});
