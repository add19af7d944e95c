import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('given any JSON value, when canonicalised, then the text is exactly what the RFC 8785 reference implementation writes', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(value)).toBe(canonicalize(value));
      }),
      { numRuns: 2000 },
    );
  });

  it('given any strings (control characters, quotes, backslashes, DEL, lone surrogates), as keys and as values, when canonicalised, then the text is exactly what the reference implementation writes', () => {
    const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 20 }), fc.string({ maxLength: 20 }), fc.constantFrom('"', '\\', '\u007f', '\u001f', '\ud800', 'plain'));
    fc.assert(
      fc.property(fc.dictionary(text, fc.oneof(text, fc.array(text, { maxLength: 3 }))), (value) => {
        expect(canonicalJson(value)).toBe(canonicalize(value));
      }),
      { numRuns: 2000 },
    );
  });

  it('given keys beyond the Basic Multilingual Plane and escapes, when canonicalised, then keys sort by UTF-16 code units and strings escape as JSON does', () => {
    const value = { '\u{1F600}': 1, '\uFB33': 2, a: 'line\nbreak "quoted"', B: [1.5, -0, 1e21, 0.000001] };
    expect(canonicalJson(value)).toBe(canonicalize(value));
    expect(canonicalJson(value)).toBe('{"B":[1.5,0,1e+21,0.000001],"a":"line\\nbreak \\"quoted\\"","\u{1F600}":1,"\uFB33":2}');
  });

  it('given an own __proto__ key, when canonicalised, then it is written as a key like any other', () => {
    const value = JSON.parse('{"z":1,"__proto__":{"a":true}}');
    expect(canonicalJson(value)).toBe('{"__proto__":{"a":true},"z":1}');
  });
});
