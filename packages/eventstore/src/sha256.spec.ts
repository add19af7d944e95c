import fc from 'fast-check';
import { sha256Hex, sha256HexWithHashObject } from './sha256';

describe('sha256Hex', () => {
  it('given the empty text, then the well-known digest', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('given any text (non-ASCII and lone surrogates included), then the one-shot hash equals the hash object over its UTF-8 bytes', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 100 }), fc.string({ maxLength: 2000 })), (text) => {
        expect(sha256Hex(text)).toBe(sha256HexWithHashObject(text));
      }),
      { numRuns: 2000 },
    );
  });
});
