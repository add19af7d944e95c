import { createHash } from 'node:crypto';

/** 32 hex digits laid out as a version-4 UUID, which the contract's `Uuid` codec accepts. */
const asUuid = (hex: string): string =>
  `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;

/**
 * A stable UUID named by a label: every system of every run sends the same ids, so their
 * histories and read models can be compared exactly.
 */
export const idOf = (label: string): string => asUuid(createHash('sha256').update(label, 'utf8').digest('hex'));

const areaCodes = ['202', '212', '312', '415', '617', '713', '206', '303'] as const;
const perAreaCode = 9_900;

/**
 * The n-th distinct valid North American number (555 exchange, lines 0100–9999, several area
 * codes): each user's numbers are fresh, so every enrollment's claim succeeds.
 */
export const phoneNumberOf = (n: number): string => {
  const area = areaCodes[Math.floor(n / perAreaCode) % areaCodes.length] ?? '202';
  return `+1${area}555${(100 + (n % perAreaCode)).toString().padStart(4, '0')}`;
};

/** How many numbers `phoneNumberOf` can hand out before repeating. */
export const phoneNumberCapacity = areaCodes.length * perAreaCode;
