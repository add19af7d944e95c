import * as E from 'fp-ts/Either';
import fc from 'fast-check';
import { positionOf, type RecordedEvent } from '@ssp/eventstore';
import { checkInclusionProof, proveEvent } from './prove';
import { sealTreeHead } from './signature';
import { treeHeadOf } from './tree-head';
import { rightOf, testSealKeys } from './test-keys';

const { pems: keys, privateKey, publicKey } = testSealKeys();

const eventId = (i: number) => `00000000-0000-4000-8000-${i.toString().padStart(12, '0')}`;
const historyOf = (size: number): readonly RecordedEvent[] =>
  Array.from({ length: size }, (_unused, i) => ({
    eventId: eventId(i),
    type: 'DeviceRenamed',
    data: { name: `name ${i}` },
    metadata: { hash: `${i}` },
    streamName: `UserDevices-${i % 3}`,
    revision: BigInt(Math.floor(i / 3)),
    position: positionOf(BigInt(i + 1)),
  }));

const sealOf = (history: readonly RecordedEvent[]) => rightOf(sealTreeHead(treeHeadOf(history, { sealedAt: '2026-11-28T10:00:00Z', store: 'memory' }), privateKey));

describe('proving one event is in a sealed history', () => {
  it('given any sealed history and any event in it, when proven, then the proof checks with the public key alone', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }).chain((size) => fc.tuple(fc.constant(size), fc.nat({ max: size - 1 }))), ([size, index]) => {
        const history = historyOf(size);
        const proof = rightOf(proveEvent(history, eventId(index), sealOf(history)));
        expect(proof.leafIndex).toBe(index);
        expect(checkInclusionProof(JSON.parse(JSON.stringify(proof)), publicKey)).toEqual({ signature: 'VALID', leafMatches: true, pathLeadsToRoot: true, verified: true });
      }),
      { numRuns: 30 },
    );
  });

  it('given a proof whose event was edited, when checked, then the leaf no longer matches and the proof fails', () => {
    const history = historyOf(9);
    const proof = rightOf(proveEvent(history, eventId(4), sealOf(history)));
    const edited = { ...proof, event: { ...proof.event, data: { name: 'Evil' } } };
    expect(checkInclusionProof(edited, publicKey)).toEqual({ signature: 'VALID', leafMatches: false, pathLeadsToRoot: false, verified: false });
  });

  it('given a proof whose index was moved, when checked, then its path no longer leads to the root', () => {
    const history = historyOf(9);
    const proof = rightOf(proveEvent(history, eventId(4), sealOf(history)));
    expect(checkInclusionProof({ ...proof, leafIndex: 5 }, publicKey).verified).toBe(false);
  });

  it('given an event after the seal, or one that is not there, when proven, then it is refused saying why', () => {
    const history = historyOf(9);
    const seal = sealOf(history.slice(0, 5));
    expect(proveEvent(history, eventId(7), seal)).toEqual(E.left({ code: 'EVENT_NOT_SEALED', message: expect.stringContaining('after the 5 events the seal covers') }));
    expect(proveEvent(history, eventId(77), seal)).toEqual(E.left({ code: 'EVENT_NOT_FOUND', message: `event ${eventId(77)} is not in the history` }));
    expect(proveEvent(history.slice(0, 3), eventId(1), sealOf(history))).toEqual(E.left(expect.objectContaining({ code: 'HISTORY_SHORTER_THAN_SEAL' })));
  });
});
