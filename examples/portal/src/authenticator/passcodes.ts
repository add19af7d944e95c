import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/** A typed passcode against the one sent, in constant time; spaces the user typed do not count. */
export const passcodesMatch = (typed: string, sent: string): boolean => timingSafeEqual(digest(typed.replace(/\s+/g, '')), digest(sent));
