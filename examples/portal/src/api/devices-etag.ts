import { problemOf, type Problem } from './problem';

/**
 * The ETag of a user's devices: the revision of their `UserDevices-<userId>` stream, the very
 * number the command handler appends against. It changes with every event of the user's
 * devices and with nothing else, so it is exact where a hash of the read model could lag
 * behind the store. Strong: one revision is one state of the devices.
 */
export const etagOf = (revision: bigint | number): string => `"${revision.toString()}"`;

const entityTags = /(W\/)?"([^"]*)"/g;

/**
 * Judges a change's `If-Match` against the devices' current revision (RFC 9110 §13.1.1, with
 * RFC 6585's 428). The API requires it on every change to a user's devices: a client that
 * changes devices it has not seen in their current state would undo a change it never saw
 * (another tab, an administrator, the user's phone), and requiring the header makes that
 * impossible to forget. `*` is the explicit opt-out: "whatever the devices are now".
 */
export const checkIfMatch = (header: string | undefined, current: bigint): Problem | undefined => {
  if (header === undefined || header.trim() === '') {
    return problemOf('PRECONDITION_REQUIRED', 'send If-Match with the ETag of the devices, as read from GET, or * to change them whatever they are now');
  }
  if (header.trim() === '*') return undefined;
  const tags = [...header.matchAll(entityTags)];
  if (tags.length === 0) {
    return problemOf('INVALID_COMMAND', 'If-Match must be * or a list of quoted entity tags such as "3"', {
      invalidParams: [{ name: 'if-match', reason: 'must be * or quoted entity tags' }],
    });
  }
  // If-Match compares strongly: a weak tag never matches.
  const matches = tags.some(([whole, weak]) => weak === undefined && whole === etagOf(current));
  return matches ? undefined : problemOf('PRECONDITION_FAILED', `the devices are at ${etagOf(current)} now, not ${header.slice(0, 100)}; read them again`);
};
