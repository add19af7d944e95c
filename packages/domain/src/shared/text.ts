/**
 * Characters a display text may not hold: controls (NUL, tabs, escapes), format characters
 * (right-to-left overrides, zero-width joiners and spaces), line and paragraph separators, and
 * surrogates that are not part of a pair. Each can make one name look like another on screen,
 * or reach a terminal or a log as something other than text.
 */
export const invisibleOrControl = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u;
const invisibleOrControlEverywhere = new RegExp(invisibleOrControl.source, 'gu');

/** `U+202E`: how a message names a character it refuses. */
export const codePointLabel = (char: string): string =>
  `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** How many characters of a caller's input an error message repeats. */
export const ECHO_LIMIT = 40;

/**
 * A caller's input as an error message repeats it: quoted, cut to `ECHO_LIMIT` characters, with
 * every control or invisible character written as an escape. A message must stay short and
 * printable whatever was sent: a 1 MB type name or a terminal escape comes back as a few
 * harmless characters.
 */
export const echo = (input: string): string => {
  const chars = [...input.slice(0, ECHO_LIMIT * 2)].slice(0, ECHO_LIMIT);
  const shown = chars.join('');
  // JSON escapes quotes, backslashes, C0 controls and lone surrogates; the rest is ours.
  const escaped = JSON.stringify(shown).replace(invisibleOrControlEverywhere, (char) => `\\u{${(char.codePointAt(0) ?? 0).toString(16)}}`);
  return shown.length < input.length ? `${escaped}… (${input.length} characters)` : escaped;
};

/** A field name as an error path shows it: as written when it is a plain name, else echoed. */
export const fieldLabel = (key: string): string => (/^[A-Za-z_$][\w$]{0,39}$/.test(key) ? key : echo(key));
