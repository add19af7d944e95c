import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * The demo's primary authentication: every user's password is their username followed by
 * `-demo`, and the sign-in page says so. A real deployment puts its identity provider here;
 * nothing else in the app depends on how the password is checked.
 */
export const demoPasswordOf = (username: string): string => `${username}-demo`;

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/** Compared in constant time, on digests so that the lengths match. */
export const passwordMatches = (username: string, password: string): boolean =>
  timingSafeEqual(digest(password), digest(demoPasswordOf(username)));
