import { streams } from '@ssp/domain';
import { defaultRetryPolicy } from './retry';
import { optionalApi } from './telemetry/api';
import {
  accepted,
  alwaysConflicting,
  assignHardwareToken,
  command,
  createTestWorld,
  createVirtualTimer,
  enrollMobile,
  idOf,
  interleavingBeforeFirstAppend,
  overriding,
  phoneNumber,
  refused,
  renameDevice,
  seedAccount,
  seedPortalUser,
  userActor,
  type PortalUser,
  type TestWorld,
} from './testing';
import { recordTelemetry, type RecordedTelemetry } from './testing/telemetry';

// Names are written out rather than taken from telemetry/names.ts: they are what dashboards and
// alerts are built on, so renaming one must fail here first (and be told in docs/observability.md).

/** The API as it is when `@opentelemetry/api` is not installed: `require` throws. */
const apiNotInstalled = optionalApi({
  require: () => {
    throw Object.assign(new Error("Cannot find module '@opentelemetry/api'"), { code: 'MODULE_NOT_FOUND' });
  },
  import: () => Promise.reject(new Error("Cannot find module '@opentelemetry/api'")),
});

/** Alice with a phone, seeded by a handler created before any SDK is registered: registering one later must still be seen. */
const givenAlice = async (): Promise<Readonly<{ world: TestWorld; alice: PortalUser; send: ReturnType<TestWorld['handler']> }>> => {
  const world = createTestWorld();
  const send = world.handler();
  const alice = await seedPortalUser(send, await seedAccount(send, 'acme'), 'alice', phoneNumber(1));
  return { world, alice, send };
};

describe("the command handler's telemetry", () => {
  let telemetry: RecordedTelemetry | undefined;
  const record = (options?: Readonly<{ global?: boolean }>): RecordedTelemetry => {
    telemetry = recordTelemetry(options);
    return telemetry;
  };
  afterEach(async () => {
    await telemetry?.close();
    telemetry = undefined;
  });

  it('given an SDK registered after the handler was created, when a command is accepted, then one span with its type, id, stream, outcome, attempt and events, counted and timed as accepted', async () => {
    const { alice, send } = await givenAlice();
    const sdk = record();
    const rename = renameDevice(alice.actor, alice.userId, alice.phoneId, 'Work');

    accepted(await send(rename));

    const [span, ...others] = sdk.spans();
    expect(others).toEqual([]);
    expect(span?.name).toBe('ssp.command RenameDevice');
    expect(span?.attributes).toEqual({
      'ssp.command.type': 'RenameDevice',
      'ssp.command.id': rename.commandId,
      'ssp.command.stream': streams.userDevices(alice.userId),
      'ssp.command.outcome': 'accepted',
      'ssp.command.attempt_count': 1,
      'ssp.command.conflict_count': 0,
      'ssp.command.event_count': 1,
    });
    expect(span?.status.code).toBe(0);
    expect(span?.instrumentationScope.name).toBe('@ssp/commands');
    const metrics = await sdk.collect();
    const asAccepted = { 'ssp.command.type': 'RenameDevice', 'ssp.command.outcome': 'accepted' };
    expect(metrics.counts('ssp.command.handled')).toEqual([{ attributes: asAccepted, value: 1 }]);
    expect(metrics.histogram('ssp.command.duration')).toEqual([{ attributes: asAccepted, count: 1, sum: expect.any(Number) }]);
    expect(metrics.counts('ssp.command.conflicts')).toEqual([]);
  });

  it('given a command the rules refuse, then its span and its metrics carry outcome refused and the error code, and the span is not an error', async () => {
    const { alice, send } = await givenAlice();
    const sdk = record();

    refused(await send({ ...assignHardwareToken(alice.userId, alice.userId, idOf('token')), actor: alice.actor }), 'FORBIDDEN');

    const [span] = sdk.spans();
    expect(span?.name).toBe('ssp.command AssignHardwareToken');
    expect(span?.attributes).toMatchObject({
      'ssp.command.outcome': 'refused',
      'ssp.command.error_code': 'FORBIDDEN',
      'ssp.command.attempt_count': 1,
      'ssp.command.event_count': 0,
    });
    expect(span?.status.code).toBe(0);
    const refusal = { 'ssp.command.type': 'AssignHardwareToken', 'ssp.command.outcome': 'refused', 'ssp.command.error_code': 'FORBIDDEN' };
    const metrics = await sdk.collect();
    expect(metrics.counts('ssp.command.handled')).toEqual([{ attributes: refusal, value: 1 }]);
    expect(metrics.histogram('ssp.command.duration').map((point) => point.attributes)).toEqual([refusal]);
  });

  it('given another process writes between our read and our append, when the command is decided again and accepted, then its span shows two attempts and the conflict, counted under its stream category', async () => {
    const { world, alice } = await givenAlice();
    const other = world.handler({ telemetry: { api: apiNotInstalled } });
    const racing = world.handler({
      timer: createVirtualTimer(),
      store: interleavingBeforeFirstAppend(world.store, streams.userDevices(alice.userId), async () => {
        accepted(await other(renameDevice(alice.actor, alice.userId, alice.phoneId, 'Renamed elsewhere')));
      }),
    });
    const sdk = record();

    accepted(await racing(renameDevice(alice.actor, alice.userId, alice.phoneId, 'Renamed here')));

    const [span, ...others] = sdk.spans();
    expect(others).toEqual([]);
    expect(span?.attributes).toMatchObject({ 'ssp.command.outcome': 'accepted', 'ssp.command.attempt_count': 2, 'ssp.command.conflict_count': 1, 'ssp.command.event_count': 1 });
    expect(span?.events.map((event) => [event.name, event.attributes])).toEqual([
      ['ssp.command.conflict', { 'ssp.stream.name': streams.userDevices(alice.userId), 'ssp.command.attempt_count': 1 }],
    ]);
    const metrics = await sdk.collect();
    expect(metrics.counts('ssp.command.conflicts')).toEqual([
      { attributes: { 'ssp.command.type': 'RenameDevice', 'ssp.stream.category': 'UserDevices' }, value: 1 },
    ]);
    expect(metrics.counts('ssp.command.handled')).toEqual([{ attributes: { 'ssp.command.type': 'RenameDevice', 'ssp.command.outcome': 'accepted' }, value: 1 }]);
  });

  it('given every append meets a conflict, when the retry budget is spent, then an error span with every attempt, each conflict counted, and the duration is the time paused', async () => {
    const { world, alice } = await givenAlice();
    const timer = createVirtualTimer();
    const send = world.handler({ store: alwaysConflicting(world.store).store, timer, random: () => 1 });
    const sdk = record();

    refused(await send(enrollMobile(alice.actor, alice.userId, idOf('alice:second'), phoneNumber(3))), 'CONCURRENCY_CONFLICT');

    const [span] = sdk.spans();
    // Pauses of 4, 8, 16, 32, then 50 ms each: the budget of 5 s allows 102 of them.
    expect(span?.attributes).toMatchObject({
      'ssp.command.outcome': 'refused',
      'ssp.command.error_code': 'CONCURRENCY_CONFLICT',
      'ssp.command.attempt_count': 103,
      'ssp.command.conflict_count': 103,
      'ssp.command.event_count': 0,
    });
    expect(span?.status).toEqual({ code: 2, message: 'CONCURRENCY_CONFLICT' });
    const metrics = await sdk.collect();
    // The enrollment claims its number first, so its conflicts are met on the claim stream.
    expect(metrics.counts('ssp.command.conflicts')).toEqual([
      { attributes: { 'ssp.command.type': 'EnrollDevice', 'ssp.stream.category': 'PhoneNumberClaim' }, value: 103 },
    ]);
    const [duration] = metrics.histogram('ssp.command.duration');
    expect(duration?.sum).toBe(timer.paused());
    expect(timer.paused()).toBeGreaterThan(defaultRetryPolicy.budgetMs - defaultRetryPolicy.maxPauseMs);
  });

  it('given invalid commands, then each is counted as INVALID_COMMAND under its type when it names one of the contract and under unknown otherwise, and nothing the caller sent is in an attribute', async () => {
    const world = createTestWorld();
    const send = world.handler();
    const sdk = record();

    refused(await send('OpenAccount'), 'INVALID_COMMAND');
    refused(await send({ type: 'OpenShop', commandId: idOf('c'), actor: { kind: 'system' }, data: {} }), 'INVALID_COMMAND');
    refused(await send({ type: 'toString' }), 'INVALID_COMMAND');
    refused(await send(command('EnableSelfService', { kind: 'admin', adminId: idOf('admin') }, { applicationId: 'my-app' })), 'INVALID_COMMAND');
    refused(await send(renameDevice(userActor(idOf('u')), idOf('u'), idOf('d'), 'Work')), 'INVALID_COMMAND');

    expect(sdk.spans().map((span) => span.name)).toEqual([
      'ssp.command unknown',
      'ssp.command unknown',
      'ssp.command unknown',
      'ssp.command EnableSelfService',
      'ssp.command RenameDevice',
    ]);
    sdk.spans().forEach((span) =>
      expect(span.attributes).toEqual({
        'ssp.command.type': span.name.replace('ssp.command ', ''),
        'ssp.command.outcome': 'refused',
        'ssp.command.error_code': 'INVALID_COMMAND',
        'ssp.command.attempt_count': 0,
        'ssp.command.conflict_count': 0,
        'ssp.command.event_count': 0,
      }),
    );
    const invalid = (type: string) => ({ 'ssp.command.type': type, 'ssp.command.outcome': 'refused', 'ssp.command.error_code': 'INVALID_COMMAND' });
    const counted = (await sdk.collect()).counts('ssp.command.handled');
    expect(counted).toEqual(
      expect.arrayContaining([
        { attributes: invalid('unknown'), value: 3 },
        { attributes: invalid('EnableSelfService'), value: 1 },
        { attributes: invalid('RenameDevice'), value: 1 },
      ]),
    );
    expect(counted).toHaveLength(3);
  });

  it('given providers passed to the handler, then it records through them and not through the global ones', async () => {
    const { world, alice } = await givenAlice();
    const global = record();
    const own = recordTelemetry({ global: false });
    try {
      const send = world.handler({ telemetry: { tracerProvider: own.tracerProvider, meterProvider: own.meterProvider } });

      accepted(await send(renameDevice(alice.actor, alice.userId, alice.phoneId, 'Work')));

      expect(own.spans().map((span) => span.name)).toEqual(['ssp.command RenameDevice']);
      expect((await own.collect()).counts('ssp.command.handled')).toHaveLength(1);
      expect(global.spans()).toEqual([]);
      expect((await global.collect()).names).toEqual([]);
    } finally {
      await own.close();
    }
  });

  it('given @opentelemetry/api cannot be loaded, when commands are accepted, refused and invalid, then each is answered as usual and nothing is recorded', async () => {
    const { world, alice } = await givenAlice();
    const sdk = record();
    const send = world.handler({ telemetry: { api: apiNotInstalled } });

    accepted(await send(renameDevice(alice.actor, alice.userId, alice.phoneId, 'Work')));
    refused(await send({ ...assignHardwareToken(alice.userId, alice.userId, idOf('token')), actor: alice.actor }), 'FORBIDDEN');
    refused(await send({ type: 'OpenShop' }), 'INVALID_COMMAND');

    expect(sdk.spans()).toEqual([]);
    expect((await sdk.collect()).names).toEqual([]);
  });

  it('given a store that throws instead of answering, when the handler rejects, then the span records the exception and the command is counted with outcome error', async () => {
    const { world, alice } = await givenAlice();
    const throwing = overriding(world.store, {
      appendToStream: () => async () => {
        throw new Error('the driver crashed');
      },
    });
    const send = world.handler({ store: throwing });
    const sdk = record();

    await expect(send(renameDevice(alice.actor, alice.userId, alice.phoneId, 'Work'))).rejects.toThrow('the driver crashed');

    const [span] = sdk.spans();
    expect(span?.status.code).toBe(2);
    expect(span?.attributes).toMatchObject({ 'ssp.command.outcome': 'error', 'ssp.command.attempt_count': 1 });
    expect(span?.events.map((event) => event.name)).toEqual(['exception']);
    expect((await sdk.collect()).counts('ssp.command.handled')).toEqual([
      { attributes: { 'ssp.command.type': 'RenameDevice', 'ssp.command.outcome': 'error' }, value: 1 },
    ]);
  });
});
