import * as E from 'fp-ts/Either';
import { decodeCommand } from '../commands';
import { actors, ids } from '../testing';
import { maskPhoneNumber, normalisePhoneNumber, PhoneNumber } from './phone-number';

/** Numbers are stored in E.164 form, whatever the user typed. */
const enrollMobile = (phoneNumber: unknown) =>
  decodeCommand({
    type: 'EnrollDevice',
    commandId: ids.command,
    actor: actors.user(ids.alice, ids.session),
    data: { userId: ids.alice, deviceId: ids.mobile, kind: 'MOBILE', phoneNumber },
  });

const storedNumber = (typed: string): string | undefined => {
  const decoded = enrollMobile(typed);
  return E.isRight(decoded) && decoded.right.type === 'EnrollDevice' ? decoded.right.data.phoneNumber : undefined;
};

describe('E.164 normalisation', () => {
  it('a number typed without a leading + is read as North American (+1)', () => {
    expect(storedNumber('4155552671')).toBe('+14155552671');
    expect(storedNumber('1 415 555 2671')).toBe('+14155552671');
  });

  it('a number with a leading + keeps its country', () => {
    expect(storedNumber('+44 20 7946 0958')).toBe('+442079460958');
    expect(storedNumber('+33 6 12 34 56 78')).toBe('+33612345678');
  });

  it.each(['(415) 555-2671', '415.555.2671', '415 555 2671', '415-555-2671', '+1 (415) 555-2671'])('spaces, dashes, dots and parentheses are ignored: %s', (typed) => {
    expect(storedNumber(typed)).toBe('+14155552671');
  });

  it.each(['415-555-CALL', '+1 415 555 2671 ext 12', '415/555/2671', '415_555_2671', '#4155552671'])('anything else is invalid: %s', (typed) => {
    expect(normalisePhoneNumber(typed)).toBeUndefined();
    expect(enrollMobile(typed)).toEqual(E.left(expect.objectContaining({ code: 'INVALID_COMMAND', message: expect.stringContaining('data.phoneNumber is not a valid phone number') })));
  });

  it('a number that is not valid for its country is invalid', () => {
    expect(normalisePhoneNumber('442079460958')).toBeUndefined();
    expect(normalisePhoneNumber('5551234567')).toBeUndefined();
    expect(normalisePhoneNumber('1')).toBeUndefined();
  });

  it('a number must be a string', () => {
    expect(enrollMobile(4155552671)).toEqual(E.left(expect.objectContaining({ message: 'data.phoneNumber must be a string' })));
  });

  it('the codec recognises only the normalised form as already normalised', () => {
    expect(PhoneNumber.is('+14155552671')).toBe(true);
    expect(PhoneNumber.is('(415) 555-2671')).toBe(false);
  });

  it('read models show only the last four digits', () => {
    expect(maskPhoneNumber('+14155552671')).toBe('•••2671');
  });
});
