import { maskPhoneNumber, type ApplicationState, type Phone, type RecordedActor } from '@ssp/domain';

/** `2026-11-28T10:01:00.000Z` → `2026-11-28 at 10:01 UTC`: a person reads it on a phone. */
export const whenText = (occurredAt: string): string => `${occurredAt.slice(0, 10)} at ${occurredAt.slice(11, 16)} UTC`;

const kindNames = { MOBILE: 'mobile phone', TABLET: 'tablet', LANDLINE: 'landline' } as const;

/** The device as its owner knows it: kind, name, and the last digits of its number. */
export const phoneText = (phone: Pick<Phone, 'kind' | 'name' | 'phoneNumber'>): string =>
  `${kindNames[phone.kind]} "${phone.name}"${phone.phoneNumber === undefined ? '' : ` (${maskPhoneNumber(phone.phoneNumber)})`}`;

export const tokenText = (token: Readonly<{ tokenType: string; serial: string }>): string =>
  `hardware token ${token.tokenType} (serial ending ${token.serial.slice(-4)})`;

const byWhom = (actor: RecordedActor | undefined): string => {
  if (actor?.kind === 'admin') return ` by an administrator (${actor.role})`;
  if (actor?.kind === 'system') return ' by the system';
  return '';
};

/** The sentence every user notice ends with: a change the user did not make must not go unnoticed. */
const warning = 'If this was not you, contact your administrator.';

export const userNoticeText = (change: string, occurredAt: string, actor: RecordedActor | undefined): string =>
  `Security notice: ${change}${byWhom(actor)} on ${whenText(occurredAt)}. ${warning}`;

export const selfServiceText = (
  application: Extract<ApplicationState, { status: 'REGISTERED' }>,
  enabled: boolean,
  occurredAt: string,
  actor: RecordedActor | undefined,
): string => {
  const who = actor?.kind === 'admin' ? ` by administrator ${actor.adminId} (${actor.role})` : byWhom(actor);
  return `Self-service was turned ${enabled ? 'on' : 'off'} for the application "${application.name}" (${application.applicationType})${who} on ${whenText(occurredAt)}.`;
};
