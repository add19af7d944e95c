import fc from 'fast-check';
import * as E from 'fp-ts/Either';
import { RenameDevice } from '../user-devices';
import { actors, ids } from '../testing';
import { addSeconds, isAfter, secondsBetween } from './time';
import { DeviceName, Extension, IsoTime, PositiveInteger, Uuid } from './values';

describe('value codecs recognise only what decoding produces', () => {
  it('a UUID', () => {
    expect(Uuid.is(ids.alice)).toBe(true);
    expect(Uuid.is('alice')).toBe(false);
    expect(Uuid.is(42)).toBe(false);
  });

  it('an ISO 8601 UTC time, with or without fractions of a second', () => {
    expect(IsoTime.is('2026-11-28T10:00:00Z')).toBe(true);
    expect(IsoTime.is('2026-11-28T10:00:00.123Z')).toBe(true);
    expect(IsoTime.is('2026-11-28T10:00:00+01:00')).toBe(false);
    expect(IsoTime.is('2026-13-45T10:00:00Z')).toBe(false);
  });

  it('a device name already trimmed, 1 to 64 characters', () => {
    expect(DeviceName.is('Work phone')).toBe(true);
    expect(DeviceName.is(' Work phone')).toBe(false);
    expect(DeviceName.is('')).toBe(false);
    expect(DeviceName.is('x'.repeat(65))).toBe(false);
    expect(DeviceName.is(7)).toBe(false);
  });

  it('given any text, when a name is recognised, then `is` answers exactly "decoding gives it back unchanged" (the plain-ASCII shortcut included)', () => {
    const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 70 }), fc.string({ maxLength: 70 }), fc.constantFrom(' a', 'a ', 'a\tb', 'Work phone', 'e\u0301', '\u00e9', '~', ' '));
    fc.assert(
      fc.property(text, (u) => {
        const decoded = DeviceName.decode(u);
        expect(DeviceName.is(u)).toBe(E.isRight(decoded) && decoded.right === u);
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['NUL', 'Work\u0000phone', 'U+0000'],
    ['a right-to-left override', 'Work \u202ephone', 'U+202E'],
    ['a zero-width space', 'Work\u200bphone', 'U+200B'],
    ['a zero-width joiner', 'Work\u200dphone', 'U+200D'],
    ['a lone surrogate', 'Work \ud800', 'U+D800'],
    ['a tab', 'Work\tphone', 'U+0009'],
    ['a line separator', 'Work\u2028phone', 'U+2028'],
  ])('a device name with %s is refused, and the error names the character', (_what, name, label) => {
    const decoded = DeviceName.decode(name);
    expect(E.isLeft(decoded) ? decoded.left[0]?.message : 'accepted').toContain(label);
    expect(DeviceName.is(name)).toBe(false);
  });

  it('a device name is normalised to NFC: an accent typed apart is the same name as one typed as one character', () => {
    expect(DeviceName.decode('Te\u0301le\u0301phone')).toEqual(E.right('T\u00e9l\u00e9phone'));
    expect(DeviceName.is('Te\u0301le\u0301phone')).toBe(false);
    expect(DeviceName.decode('📱 Téléphone ✓')).toEqual(E.right('📱 Téléphone ✓'));
  });

  it('given any string, when a UUID is recognised, then `is` answers exactly "decoding gives it back unchanged"', () => {
    const hex = fc.constantFrom(...'0123456789abcdefABCDEFgz-'.split(''));
    const uuidLike = fc.array(hex, { minLength: 36, maxLength: 36 }).map((chars) => chars.join(''));
    // Well-formed UUIDs of every version and variant with one character changed, most often
    // where the rules are: the hyphens, the version (14) and the variant (19).
    const where = fc.oneof(fc.nat(35), fc.constantFrom(8, 13, 14, 18, 19, 23));
    const mutated = fc.tuple(fc.uuid(), where, hex).map(([id, at, char]) => `${id.slice(0, at)}${char}${id.slice(at + 1)}`);
    const candidate = fc.oneof(fc.uuid(), fc.uuid().map((id) => id.toUpperCase()), mutated, uuidLike, fc.string({ maxLength: 40 }), fc.constantFrom('00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', 'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF'));
    fc.assert(
      fc.property(candidate, (u) => {
        const decoded = Uuid.decode(u);
        expect(Uuid.is(u)).toBe(E.isRight(decoded) && decoded.right === u);
      }),
      { numRuns: 5000 },
    );
  });

  it('a UUID decodes to lower case, and only the lower-case form is canonical', () => {
    expect(Uuid.decode(ids.alice.toUpperCase())).toEqual(E.right(ids.alice));
    expect(Uuid.is(ids.alice.toUpperCase())).toBe(false);
  });

  it('a positive whole number', () => {
    expect(PositiveInteger.is(1)).toBe(true);
    expect(PositiveInteger.is(0)).toBe(false);
    expect(PositiveInteger.is(2.5)).toBe(false);
  });

  it('a landline extension of 1 to 10 digits', () => {
    expect(Extension.is('0123456789')).toBe(true);
    expect(Extension.is('01234567890')).toBe(false);
  });

  it('a command object, field by field', () => {
    const rename = { type: 'RenameDevice', commandId: ids.command, actor: actors.user(ids.alice, ids.session), data: { userId: ids.alice, deviceId: ids.mobile, name: 'Work' } };
    expect(RenameDevice.is(rename)).toBe(true);
    expect(RenameDevice.is({ ...rename, data: { ...rename.data, name: ' Work ' } })).toBe(false);
  });
});

describe('time, always passed in as ISO strings', () => {
  it('adds and measures seconds', () => {
    expect(addSeconds('2026-11-28T10:00:00Z', 301)).toBe('2026-11-28T10:05:01.000Z');
    expect(secondsBetween('2026-11-28T10:00:00Z', '2026-11-28T10:05:01.000Z')).toBe(301);
    expect(isAfter('2026-11-28T10:00:01Z', '2026-11-28T10:00:00Z')).toBe(true);
    expect(isAfter('2026-11-28T10:00:00Z', '2026-11-28T10:00:00.000Z')).toBe(false);
  });
});
