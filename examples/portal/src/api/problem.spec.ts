import { invalidParamsOf, problemOf } from './problem';

describe('problem details', () => {
  it('carry the RFC 9457 members and the contract code', () => {
    expect(problemOf('LAST_DEVICE', 'a user keeps one device', { instance: '/api/me/devices/1' })).toEqual({
      type: 'urn:ssp:error:LAST_DEVICE',
      title: 'Last device',
      status: 422,
      detail: 'a user keeps one device',
      code: 'LAST_DEVICE',
      instance: '/api/me/devices/1',
    });
  });

  it('name the first offending field and list each', () => {
    const problem = problemOf('INVALID_COMMAND', 'bad', { invalidParams: [{ name: 'name', reason: 'is required' }, { name: 'kind', reason: 'must be one of MOBILE' }] });

    expect(problem).toMatchObject({ field: 'name', invalidParams: [{ name: 'name' }, { name: 'kind' }] });
  });

  it("read the fields back from the domain's INVALID_COMMAND message, as the request names them", () => {
    const message = 'data.phoneNumber is required for a MOBILE; data.role is not a field of RenameDevice; commandId must be a UUID; actor.kind must be one of admin';

    expect(invalidParamsOf(message)).toEqual([
      { name: 'phoneNumber', reason: 'is required for a MOBILE' },
      { name: 'role', reason: 'is not a field of RenameDevice' },
      { name: 'idempotency-key', reason: 'must be a UUID' },
    ]);
  });
});
