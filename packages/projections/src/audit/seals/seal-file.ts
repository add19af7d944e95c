import * as E from 'fp-ts/Either';
import * as t from 'io-ts';
import { describeValidationError, IsoTime } from '@ssp/domain';
import { parsePosition } from '@ssp/eventstore';
import { isSha256Hex } from './merkle-hash';
import { sealError, type SealError } from './seal-error';
import type { TreeHead } from './tree-head';

export const SEAL_FORMAT = 'ssp-seal/1';

/**
 * A seal as kept outside the store: the tree head, its Ed25519 signature (base64, 64 bytes)
 * over the tree head's canonical JSON, and the fingerprint of the public key that checks it.
 */
export type SealFile = Readonly<{
  format: typeof SEAL_FORMAT;
  algorithm: 'Ed25519';
  treeHead: TreeHead;
  signature: string;
  /** `sha256:<hex>` of the public key's SPKI bytes: see `keyFingerprint`. */
  publicKey: string;
}>;

const matching = <A>(name: string, base: t.Type<A, A, unknown>, test: (a: A) => boolean) =>
  new t.Type<A, A, unknown>(
    name,
    (u): u is A => base.is(u) && test(u),
    (u, context) => (base.is(u) && test(u) ? t.success(u) : t.failure(u, context)),
    t.identity,
  );

const Size = matching('a whole number of events, 0 or more', t.number, (n) => Number.isSafeInteger(n) && n >= 0);
const Sha256Hex = matching('64 lower-case hex digits (SHA-256)', t.string, isSha256Hex);
const PositionText = matching('a position as commit/prepare', t.string, (s) => parsePosition(s) !== undefined);
const Signature = matching('an Ed25519 signature in base64 (64 bytes)', t.string, (s) => {
  const bytes = Buffer.from(s, 'base64');
  return bytes.length === 64 && bytes.toString('base64') === s;
});
const Fingerprint = matching('sha256: and 64 hex digits', t.string, (s) => s.startsWith('sha256:') && isSha256Hex(s.slice('sha256:'.length)));

const TreeHeadCodec = t.strict({
  treeSize: Size,
  rootHash: Sha256Hex,
  lastPosition: t.union([PositionText, t.null]),
  sealedAt: IsoTime,
  store: t.string,
});

const SealFileCodec = t.strict({
  format: t.literal(SEAL_FORMAT),
  algorithm: t.literal('Ed25519'),
  treeHead: TreeHeadCodec,
  signature: Signature,
  publicKey: Fingerprint,
});

/** A seal file's text, read: refused naming the file and each field at fault. */
export const parseSealFile = (text: string, source = 'the seal'): E.Either<SealError, SealFile> => {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return E.left(sealError('SEAL_NOT_JSON', `${source} is not JSON: ${error instanceof Error ? error.message : String(error)}`));
  }
  const format = typeof json === 'object' && json !== null && 'format' in json ? json.format : undefined;
  if (format !== SEAL_FORMAT) {
    return E.left(sealError('SEAL_INVALID', `${source} is not a seal: its format must be "${SEAL_FORMAT}", found ${format === undefined ? 'none' : JSON.stringify(format)}`));
  }
  return E.mapLeft((errors: t.Errors) =>
    sealError('SEAL_INVALID', `${source} is not a valid seal: ${[...new Set(errors.map((e) => describeValidationError(e)))].join('; ')}`),
  )(SealFileCodec.decode(json));
};

/** The seal file's text: stable field order, one field a line, so it reads well in a ticket or an email. */
export const formatSealFile = (seal: SealFile): string => `${JSON.stringify(seal, null, 2)}\n`;
