import { checkIfMatch, etagOf } from './devices-etag';

describe('If-Match on a change to a user\'s devices', () => {
  it('names the revision of the devices stream as a strong ETag', () => {
    expect(etagOf(7n)).toBe('"7"');
  });

  it.each([
    ['the current ETag', '"7"'],
    ['a list that holds it', '"5", "7"'],
    ['*', '*'],
  ])('lets the change through given %s', (_case, header) => {
    expect(checkIfMatch(header, 7n)).toBeUndefined();
  });

  it.each([
    ['another ETag', '"6"'],
    ['the current ETag as a weak one (If-Match compares strongly)', 'W/"7"'],
  ])('answers 412 PRECONDITION_FAILED given %s', (_case, header) => {
    expect(checkIfMatch(header, 7n)).toMatchObject({ status: 412, code: 'PRECONDITION_FAILED' });
  });

  it.each([undefined, '', '  '])('answers 428 PRECONDITION_REQUIRED given no If-Match (%p)', (header) => {
    expect(checkIfMatch(header, 7n)).toMatchObject({ status: 428, code: 'PRECONDITION_REQUIRED' });
  });

  it('answers 400 naming the header given something that is not an entity tag', () => {
    expect(checkIfMatch('seven', 7n)).toMatchObject({ status: 400, code: 'INVALID_COMMAND', field: 'if-match' });
  });
});
