import fc from 'fast-check';
import { toJsonObject, toJsonValue } from './json';

describe('toJsonValue', () => {
  it('given any object of JSON-like values, when converted, then it equals what JSON text keeps of it', () => {
    const anyObject = fc.object({ withNullPrototype: false, values: [fc.jsonValue(), fc.constant(undefined), fc.double()] });
    fc.assert(
      fc.property(anyObject, (value) => {
        const json = toJsonValue(value);
        // -0 is kept as a number (it hashes and serialises as 0); compare through text.
        expect(JSON.parse(JSON.stringify(json))).toStrictEqual(JSON.parse(JSON.stringify(value)));
        expect(Object.getPrototypeOf(json)).toBe(Object.prototype);
      }),
      { numRuns: 500 },
    );
  });

  it('given optional fields left undefined, when converted, then they are absent, not null', () => {
    expect(toJsonObject({ a: 1, b: undefined, c: { d: undefined } })).toStrictEqual({ a: 1, c: {} });
  });

  it('given an own __proto__ field, when converted, then it stays a field', () => {
    const converted = toJsonObject(JSON.parse('{"__proto__": {"x": 1}}'));
    expect(Object.keys(converted)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(converted)).toBe(Object.prototype);
  });
});
