import * as E from 'fp-ts/Either';
import fc from 'fast-check';
import type { JsonObject, JsonValue } from '../port';
import { frozenJsonCopy } from './frozen-json';

/** What a store that writes JSON text keeps of a value: the definition the copy must match. */
const throughJsonText = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

const isDeeplyFrozen = (value: unknown): boolean =>
  value === null || typeof value !== 'object' || (Object.isFrozen(value) && Object.values(value).every(isDeeplyFrozen));

const copyOf = (value: JsonObject): JsonObject => {
  const copied = frozenJsonCopy(value);
  if (E.isLeft(copied)) throw new Error(`not copied: ${copied.left.kind}`);
  return copied.right;
};

describe('frozenJsonCopy', () => {
  it('given any object of JSON-like values, when copied, then it equals what JSON text keeps, deeply frozen', () => {
    // fc.object mixes in undefined, NaN, -0, Infinity, nested arrays and objects, and odd keys.
    const anyObject = fc.object({ withNullPrototype: false, values: [fc.jsonValue(), fc.constant(undefined), fc.double()] });
    fc.assert(
      fc.property(anyObject, (value) => {
        const copy = copyOf(value as JsonObject);
        expect(copy).toStrictEqual(throughJsonText(value));
        expect(isDeeplyFrozen(copy)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('given a plain JSON object, when copied, then the copy is new and later changes to the original do not reach it', () => {
    const original = { name: 'Phone', tags: ['a'], nested: { n: 1 } };
    const copy = copyOf(original);
    original.tags.push('b');
    original.nested.n = 2;
    expect(copy).toStrictEqual({ name: 'Phone', tags: ['a'], nested: { n: 1 } });
  });

  it('given an own __proto__ field, when copied, then it stays a field and the prototype stays Object.prototype', () => {
    const value: JsonObject = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}');
    const copy = copyOf(value);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(['__proto__', 'a']);
  });

  it('given a Date and negative zero, when copied, then they are kept as JSON text keeps them', () => {
    // A caller past the static types at run time: a Date where JSON belongs.
    const value: { [key: string]: JsonValue } = { zero: -0 };
    Reflect.set(value, 'at', new Date('2026-11-28T10:00:00.000Z'));
    expect(copyOf(value)).toStrictEqual({ at: '2026-11-28T10:00:00.000Z', zero: 0 });
  });
});
