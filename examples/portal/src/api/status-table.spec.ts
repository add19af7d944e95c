import { errorCodes } from '@ssp/domain';
import { apiErrorCodes, statusOf, statusTable, statusTableMarkdown, type ApiErrorCode } from './status-table';

describe('the table from error codes to statuses', () => {
  it("has a status for every code of the contract, and for the store's", () => {
    for (const code of [...errorCodes, 'STORE_UNAVAILABLE', 'STORE_FAILURE', 'IDEMPOTENCY_KEY_REUSED'] as const) {
      expect(apiErrorCodes).toContain(code);
    }
  });

  it.each<[number, readonly ApiErrorCode[]]>([
    [400, ['INVALID_COMMAND']],
    [401, ['NOT_AUTHENTICATED']],
    [403, ['FORBIDDEN', 'ROLE_NOT_PERMITTED', 'SESSION_MISMATCH', 'STEP_UP_REQUIRED', 'STEP_UP_EXPIRED', 'CROSS_SITE_REQUEST']],
    [404, ['NOT_FOUND', 'ROUTE_NOT_FOUND']],
    [409, ['DUPLICATE', 'CONCURRENCY_CONFLICT']],
    [422, ['EDITION_NOT_ELIGIBLE', 'NEW_ENROLLMENT_DISABLED', 'APPLICATION_TYPE_UNSUPPORTED', 'SELF_SERVICE_NOT_ENABLED', 'DEVICE_NOT_CAPABLE', 'ACTIVATION_INVALID', 'LAST_DEVICE', 'LAST_OWNER', 'DEVICE_LIMIT_REACHED', 'IDEMPOTENCY_KEY_REUSED']],
    [503, ['STORE_UNAVAILABLE']],
  ])('answers %i for its family', (status, codes) => {
    expect(codes.map(statusOf)).toEqual(codes.map(() => status));
  });

  it('prints as a Markdown table with one row per code, ordered by status', () => {
    const rows = statusTableMarkdown().split('\n').slice(2);
    const statuses = rows.map((row) => Number(row.split('|')[1]));

    expect(rows).toHaveLength(Object.keys(statusTable).length);
    expect(statuses).toEqual([...statuses].sort((a, b) => a - b));
    expect(rows).toContain('| 412 | `PRECONDITION_FAILED` | The devices changed | If-Match does not name the current ETag of the user\'s devices: read them again |');
  });
});
