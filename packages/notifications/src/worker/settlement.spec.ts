import * as E from 'fp-ts/Either';
import type { ReactError } from '../react-to';
import { settlementOf } from './settlement';

describe('settlementOf', () => {
  it('given every notice recorded sent, then the event is acknowledged', () => {
    expect(settlementOf(E.right({ notices: 2, sent: 1, alreadySent: 1 }))).toEqual({ action: 'ack' });
  });

  it.each<[ReactError, 'retry' | 'park']>([
    [{ kind: 'Send', noticeId: 'n', error: { kind: 'Transient', message: 'timeout' } }, 'retry'],
    [{ kind: 'Send', noticeId: 'n', error: { kind: 'Rejected', message: 'bad number' } }, 'park'],
    [{ kind: 'Store', error: { kind: 'Unavailable', message: 'closed' } }, 'retry'],
    [{ kind: 'Store', error: { kind: 'WrongExpectedRevision', streamName: 's', expected: 0n, actual: 1n } }, 'retry'],
    [{ kind: 'Store', error: { kind: 'Failure', message: 'broken' } }, 'park'],
    [{ kind: 'Store', error: { kind: 'AppendTooLarge', streamName: 's', message: 'too large' } }, 'park'],
    [{ kind: 'Undecodable', streamName: 's', revision: 3n, message: 'data.kind is not a PhoneKind' }, 'park'],
  ])('given %j, then the event is nacked with %s and a reason', (error, action) => {
    const settlement = settlementOf(E.left(error));
    expect(settlement.action).toBe(action);
    expect(settlement.action !== 'ack' && settlement.reason.length).toBeGreaterThan(0);
  });
});
