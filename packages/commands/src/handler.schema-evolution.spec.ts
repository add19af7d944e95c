import * as E from 'fp-ts/Either';
import { defaultPolicy, streams } from '@ssp/domain';
import type { JsonObject } from '@ssp/eventstore';
import {
  accepted,
  createTestWorld,
  idOf,
  phoneNumber,
  refused,
  renameDevice,
  seedAccount,
  seedPortalUser,
  startPortalSession,
  stepUp,
  userActor,
  withoutAppending,
  type PortalUser,
  type TestWorld,
} from './testing';

/** Sessions now last one hour: a v2 session records that; a v1 session always lasted 15 minutes. */
const hourLongSessions = { ...defaultPolicy, sessionSeconds: 60 * 60 };

const startedAt = '2026-11-28T11:00:00.000Z';

/** A `PortalSessionStarted` as version 1 of the schema wrote it: no `expiresAt`. */
const writeV1Session = async (world: TestWorld, alice: PortalUser, sessionId: string, metadata: JsonObject) => {
  const data = { sessionId, userId: alice.userId, applicationId: alice.account.applicationId, accountId: alice.account.accountId, startedAt };
  const written = await world.store.appendToStream(
    streams.portalSession(sessionId),
    [{ eventId: idOf(`v1:${sessionId}`), type: 'PortalSessionStarted', data, metadata }],
    { expectedRevision: 'NO_STREAM' },
  )();
  if (E.isLeft(written)) throw new Error('the test could not write the v1 session');
};

const v1Metadata = (alice: PortalUser, sessionId: string): JsonObject => ({
  eventId: idOf(`v1:${sessionId}`),
  commandId: idOf(`v1-command:${sessionId}`),
  correlationId: idOf(`v1-command:${sessionId}`),
  causationId: idOf(`v1-command:${sessionId}`),
  occurredAt: startedAt,
  schemaVersion: 1,
  actor: { kind: 'user', userId: alice.userId },
});

describe('schema evolution: a v1 PortalSessionStarted (no expiresAt) is upcast when read', () => {
  const givenAliceWithAV1Session = async (metadata: (alice: PortalUser, sessionId: string) => JsonObject) => {
    const world = createTestWorld({ start: '2026-11-28T10:00:00.000Z' });
    const send = world.handler({ policy: hourLongSessions });
    const alice = await seedPortalUser(send, await seedAccount(send, 'acme'), 'alice', phoneNumber(1));
    const sessionId = idOf('alice:v1-session');
    await writeV1Session(world, alice, sessionId, metadata(alice, sessionId));
    world.clock.set(startedAt);
    world.clock.advance(12 * 60);
    await stepUp(send, { userId: alice.userId, sessionId, phoneId: alice.phoneId });
    return { world, send, alice, actor: userActor(alice.userId, sessionId) };
  };

  it('given a v1 session stepped up after 12 minutes, when the user acts at 14 minutes, then it loads and the change is accepted', async () => {
    const { world, send, alice, actor } = await givenAliceWithAV1Session(v1Metadata);
    world.clock.advance(2 * 60);

    accepted(await send(renameDevice(actor, alice.userId, alice.phoneId, 'Work')));
  });

  it('given a v1 session, when the user acts 15 minutes and 1 second after it started, then STEP_UP_EXPIRED: it lasted 15 minutes, whatever the policy now says', async () => {
    const { world, send, alice, actor } = await givenAliceWithAV1Session(v1Metadata);
    world.clock.advance(3 * 60 + 1);

    const error = await withoutAppending(world.store, async () => refused(await send(renameDevice(actor, alice.userId, alice.phoneId, 'Work')), 'STEP_UP_EXPIRED'));

    expect(error.message).toContain('expired at 2026-11-28T11:15:00.000Z');
  });

  it('given a v1 session stored without any schemaVersion, then it is read as version 1 and expires after 15 minutes too', async () => {
    const withoutVersion = (alice: PortalUser, sessionId: string): JsonObject => {
      const { schemaVersion: _absent, ...rest } = v1Metadata(alice, sessionId);
      return rest;
    };
    const { world, send, alice, actor } = await givenAliceWithAV1Session(withoutVersion);
    world.clock.advance(3 * 60 + 1);

    refused(await send(renameDevice(actor, alice.userId, alice.phoneId, 'Work')), 'STEP_UP_EXPIRED');
  });

  it('given a session started now (v2) under the same policy, when the user acts 15 minutes and 1 second in, then it is accepted: v2 records its own expiry', async () => {
    const world = createTestWorld({ start: startedAt });
    const send = world.handler({ policy: hourLongSessions });
    const alice = await seedPortalUser(send, await seedAccount(send, 'acme'), 'alice', phoneNumber(1));
    const sessionId = idOf('alice:v2-session');
    const [started] = accepted(await send(startPortalSession(alice.userId, sessionId, alice.account.applicationId)));
    world.clock.advance(12 * 60);
    await stepUp(send, { userId: alice.userId, sessionId, phoneId: alice.phoneId });
    world.clock.advance(3 * 60 + 1);

    accepted(await send(renameDevice(userActor(alice.userId, sessionId), alice.userId, alice.phoneId, 'Work')));
    expect(started?.metadata.schemaVersion).toBe(2);
    expect(started?.data.expiresAt).toBe('2026-11-28T12:00:00.000Z');
  });
});
