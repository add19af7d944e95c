import { canonicalJson, sha256Hex } from '@ssp/eventstore';
import type { Command } from '@ssp/domain';

/**
 * What makes two commands "the same command" for idempotency: the SHA-256 of the RFC 8785
 * canonical JSON of its type, actor and data, as decoded (ids in lower case, names trimmed and
 * normalised, numbers in E.164), so that a retry typed differently is still a retry. The
 * command id itself is left out: it is the key the digest is compared under.
 */
export const commandDigest = (command: Command): string => {
  const canonical = canonicalJson({ type: command.type, actor: command.actor, data: command.data });
  return sha256Hex(canonical);
};
