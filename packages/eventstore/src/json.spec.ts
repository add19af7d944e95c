import fc from 'fast-check';
import { asJsonObject, toJsonObject, toJsonValue } from './json';

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

describe('asJsonObject', () => {
  it('given a value that is already plain JSON, then it is handed back as it is, not copied', () => {
    const document = { name: 'Work', phones: [{ id: 'a', default: true, order: 1 }], note: null };
    expect(asJsonObject(document)).toBe(document);
  });

  it.each<[string, object]>([
    ['an undefined field', { name: 'Work', extension: undefined }],
    ['a number that JSON cannot hold', { count: Number.NaN }],
    ['an undefined field deep inside', { phones: [{ id: 'a', name: undefined }] }],
    ['an object that is not plain', { at: new Date(0) }],
  ])('given %s, then a JSON copy is made, as toJsonObject makes it', (_what, value) => {
    const json = asJsonObject(value);
    expect(json).not.toBe(value);
    expect(json).toEqual(toJsonObject(value));
  });
});
