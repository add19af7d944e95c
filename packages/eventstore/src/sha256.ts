import * as crypto from 'node:crypto';

const withHashObject = (text: string): string => crypto.createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * The SHA-256 of a text's UTF-8 bytes, in lower-case hex: every event's stream hash and log
 * link, every command's digest. Node's one-shot `crypto.hash` (Node 20.12 and later) takes
 * half the time of a hash object's create, update and digest for texts the size of an event
 * (measured: about 0.63 µs against 1.25 µs for 741 bytes); earlier Nodes get the hash object.
 */
export const sha256Hex: (text: string) => string =
  typeof crypto.hash === 'function' ? (text) => crypto.hash('sha256', text, 'hex') : withHashObject;

/** The hash object's way, for the test that holds the two equal. */
export const sha256HexWithHashObject = withHashObject;
