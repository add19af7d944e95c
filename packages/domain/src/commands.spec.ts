import * as E from 'fp-ts/Either';
import { commandTypes, decodeCommand, type CommandType } from './commands';
import { AdminActor } from './shared/actor';
import { decodeWith } from './shared/decode';
import { actors, ids } from './testing';
import { numbers } from './testing/histories';

const admin = actors.admin(ids.owner);
const user = actors.user(ids.alice, ids.session);
const envelope = (type: string, actor: unknown, data: Readonly<Record<string, unknown>>) => ({ type, commandId: ids.command, actor, data });

/** One well-formed command of every type, as JSON a caller would send. */
const examples: Readonly<Record<CommandType, ReturnType<typeof envelope>>> = {
  OpenAccount: envelope('OpenAccount', actors.system, { accountId: ids.account, name: 'Acme', edition: 'ENTERPRISE', ownerAdminId: ids.owner }),
  ChangeEdition: envelope('ChangeEdition', admin, { accountId: ids.account, edition: 'BEYOND' }),
  EnableNewEnrollment: envelope('EnableNewEnrollment', admin, { accountId: ids.account }),
  DisableNewEnrollment: envelope('DisableNewEnrollment', admin, { accountId: ids.account }),
  AddAdministrator: envelope('AddAdministrator', admin, { accountId: ids.account, adminId: ids.newcomer, role: 'HELP_DESK' }),
  ChangeAdministratorRole: envelope('ChangeAdministratorRole', admin, { accountId: ids.account, adminId: ids.helpDesk, role: 'READ_ONLY' }),
  RemoveAdministrator: envelope('RemoveAdministrator', admin, { accountId: ids.account, adminId: ids.helpDesk }),
  RegisterUser: envelope('RegisterUser', admin, { accountId: ids.account, userId: ids.alice, username: 'alice' }),
  RegisterApplication: envelope('RegisterApplication', admin, { accountId: ids.account, applicationId: ids.application, name: 'Intranet', applicationType: 'WEB_SDK' }),
  EnableSelfService: envelope('EnableSelfService', admin, { applicationId: ids.application }),
  DisableSelfService: envelope('DisableSelfService', admin, { applicationId: ids.application }),
  AssignHardwareToken: envelope('AssignHardwareToken', admin, { userId: ids.alice, tokenId: ids.token, serial: '123456', tokenType: 'yk' }),
  StartPortalSession: envelope('StartPortalSession', actors.user(ids.alice), { sessionId: ids.session, userId: ids.alice, applicationId: ids.application }),
  BeginStepUp: envelope('BeginStepUp', user, { sessionId: ids.session, deviceId: ids.mobile, method: 'PUSH' }),
  CompleteStepUp: envelope('CompleteStepUp', actors.authenticator, { sessionId: ids.session }),
  FailStepUp: envelope('FailStepUp', actors.authenticator, { sessionId: ids.session }),
  EndPortalSession: envelope('EndPortalSession', actors.system, { sessionId: ids.session }),
  EnrollDevice: envelope('EnrollDevice', user, { userId: ids.alice, deviceId: ids.mobile, kind: 'MOBILE', phoneNumber: numbers.alice, platform: 'IOS', name: 'Work' }),
  RenameDevice: envelope('RenameDevice', user, { userId: ids.alice, deviceId: ids.mobile, name: 'Work phone' }),
  IssueDuoMobileActivation: envelope('IssueDuoMobileActivation', user, { userId: ids.alice, deviceId: ids.mobile, activationId: ids.activation, validSeconds: 600 }),
  ActivateDuoMobile: envelope('ActivateDuoMobile', user, { userId: ids.alice, deviceId: ids.mobile, activationId: ids.activation }),
  SetDefaultDevice: envelope('SetDefaultDevice', user, { userId: ids.alice, deviceId: ids.mobile, loginAction: 'ASK' }),
  RemoveDevice: envelope('RemoveDevice', admin, { userId: ids.alice, deviceId: ids.mobile }),
  RemoveHardwareToken: envelope('RemoveHardwareToken', user, { userId: ids.alice, tokenId: ids.token }),
};

const refusal = (input: unknown): string => {
  const decoded = decodeCommand(input);
  if (E.isRight(decoded)) throw new Error(`expected INVALID_COMMAND, decoded ${JSON.stringify(decoded.right)}`);
  expect(decoded.left.code).toBe('INVALID_COMMAND');
  return decoded.left.message;
};
const withData = (type: CommandType, data: Readonly<Record<string, unknown>>) => {
  const example = examples[type];
  return { ...example, data: { ...example.data, ...data } };
};

describe('decodeCommand: every command of the contract', () => {
  it('has an example here', () => {
    expect(Object.keys(examples).sort()).toEqual([...commandTypes].sort());
  });

  it.each(commandTypes)('%s decodes', (type) => {
    expect(decodeCommand(examples[type])).toEqual(E.right(examples[type]));
  });
});

describe('decodeCommand: what is not a command, and why', () => {
  it.each([
    ['not an object', 'enroll my phone', 'a command must be a JSON object'],
    ['an array', [], 'a command must be a JSON object'],
    ['no type', { actor: admin }, 'type is required: the name of a command'],
    ['no actor', { type: 'CompleteStepUp' }, 'actor is required'],
    ['an actor that is not an object', { type: 'CompleteStepUp', actor: 'me' }, 'actor must be an object'],
  ])('%s', (_case, input, message) => {
    expect(refusal(input)).toBe(message);
  });

  it('an unknown type lists the commands', () => {
    const message = refusal(envelope('AddDevice', user, {}));
    expect(message).toMatch(/^type "AddDevice" is not a command; expected one of /);
    commandTypes.forEach((type) => expect(message).toContain(type));
  });

  it('an unknown kind of actor lists the kinds', () => {
    expect(refusal(envelope('CompleteStepUp', { kind: 'robot' }, { sessionId: ids.session }))).toBe('actor.kind must be one of admin, user, authenticator, system');
  });

  it("names the actor's missing or malformed field", () => {
    expect(refusal(envelope('ChangeEdition', { kind: 'admin' }, { accountId: ids.account, edition: 'BEYOND' }))).toBe('actor.adminId is required');
    expect(refusal(envelope('ChangeEdition', { kind: 'admin', adminId: 'bob' }, { accountId: ids.account, edition: 'BEYOND' }))).toBe('actor.adminId must be a UUID');
  });

  it('names each missing or malformed data field', () => {
    expect(refusal(envelope('ChangeEdition', admin, { edition: 'GOLD' }))).toBe(
      'data.accountId is required; data.edition must be one of PERSONAL, ENTERPRISE, PLATFORM, BEYOND',
    );
  });

  it('names a field that the command does not have', () => {
    expect(refusal(withData('EnrollDevice', { phonenumber: numbers.alice }))).toBe('data.phonenumber is not a field of EnrollDevice');
  });

  it.each(['role', 'metadata', '__proto__', 'constructor'])('refuses %s beside type, commandId, actor and data: the envelope is as strict as its parts', (field) => {
    const withExtra = JSON.parse(JSON.stringify(examples.EnableSelfService).replace(/^\{/, `{"${field}": "OWNER",`));
    expect(Object.keys(withExtra)).toContain(field);
    expect(refusal(withExtra)).toBe(`${field} is not a field of a EnableSelfService command`);
  });

  it('echoes at most 40 characters of an unknown type, with control and invisible characters escaped', () => {
    const message = refusal(envelope(`\u001b[31m\u202e${'x'.repeat(1_000_000)}`, user, {}));
    expect(message).toMatch(/^type "\\u001b\[31m\\u\{202e\}x{34}"… \(1000006 characters\) is not a command/);
    expect(message.length).toBeLessThan(1_000);
  });

  it('echoes an unknown field name briefly and escaped too', () => {
    const message = refusal(withData('EnrollDevice', { [`\u0000${'k'.repeat(100_000)}`]: 1 }));
    expect(message).toMatch(/^data\."\\u0000k{39}"… \(100001 characters\) is not a field of EnrollDevice$/);
  });

  it('decodes ids typed in upper case to lower case, so that a stream has one name whatever the case', () => {
    const shouting = { ...examples.RenameDevice, commandId: ids.command.toUpperCase(), data: { ...examples.RenameDevice.data, userId: ids.alice.toUpperCase() } };
    const decoded = decodeCommand({ ...shouting, actor: actors.user(ids.alice.toUpperCase(), ids.session.toUpperCase()) });
    expect(decoded).toEqual(E.right({ ...examples.RenameDevice, actor: user }));
  });

  it('requires a commandId that is a UUID', () => {
    expect(refusal({ ...examples.EnableSelfService, commandId: 'one' })).toBe('commandId must be a UUID');
  });

  it('requires data to be an object', () => {
    expect(refusal({ ...examples.EnableSelfService, data: 7 })).toBe('data must be an object');
  });

  it('every user command but StartPortalSession runs inside a session', () => {
    expect(refusal({ ...examples.RenameDevice, actor: actors.user(ids.alice) })).toMatch(/^actor.sessionId is required/);
    expect(decodeCommand({ ...examples.StartPortalSession, actor: actors.user(ids.alice, ids.session) })).toEqual(
      E.right({ ...examples.StartPortalSession, actor: actors.user(ids.alice, ids.session) }),
    );
  });
});

describe('decodeCommand: the fields each phone kind takes', () => {
  const enroll = (data: Readonly<Record<string, unknown>>) => envelope('EnrollDevice', user, { userId: ids.alice, deviceId: ids.mobile, ...data });

  it('a mobile needs a number; its platform is optional', () => {
    expect(refusal(enroll({ kind: 'MOBILE', platform: 'IOS' }))).toBe('data.phoneNumber is required for a MOBILE');
    expect(E.isRight(decodeCommand(enroll({ kind: 'MOBILE', phoneNumber: numbers.alice })))).toBe(true);
  });

  it('a tablet takes no number', () => {
    expect(refusal(enroll({ kind: 'TABLET', phoneNumber: numbers.alice }))).toBe('data.phoneNumber is not taken by a TABLET');
    expect(E.isRight(decodeCommand(enroll({ kind: 'TABLET', platform: 'ANDROID' })))).toBe(true);
  });

  it('a landline needs a number, takes an extension, and no platform', () => {
    expect(refusal(enroll({ kind: 'LANDLINE' }))).toBe('data.phoneNumber is required for a LANDLINE');
    expect(refusal(enroll({ kind: 'LANDLINE', phoneNumber: numbers.landline, platform: 'IOS' }))).toBe('data.platform is not taken by a LANDLINE');
    expect(E.isRight(decodeCommand(enroll({ kind: 'LANDLINE', phoneNumber: numbers.landline, extension: '042' })))).toBe(true);
  });

  it('only a landline takes an extension, of digits only', () => {
    expect(refusal(enroll({ kind: 'MOBILE', phoneNumber: numbers.alice, extension: '12' }))).toBe('data.extension is not taken by a MOBILE');
    expect(refusal(enroll({ kind: 'LANDLINE', phoneNumber: numbers.landline, extension: '12a' }))).toBe('data.extension must be digits only (at most 10)');
  });

  it('names the platforms and kinds accepted', () => {
    expect(refusal(enroll({ kind: 'PAGER' }))).toBe('data.kind must be one of MOBILE, TABLET, LANDLINE');
    expect(refusal(enroll({ kind: 'TABLET', platform: 'BLACKBERRY' }))).toBe('data.platform must be one of IOS, ANDROID, WINDOWS_PHONE, GENERIC_SMARTPHONE, UNKNOWN');
  });
});

describe('decodeCommand: device names are 1 to 64 characters after trimming', () => {
  const rename = (name: unknown) => withData('RenameDevice', { name });
  const decodedName = (name: string) => {
    const decoded = decodeCommand(rename(name));
    return E.isRight(decoded) && decoded.right.type === 'RenameDevice' ? decoded.right.data.name : undefined;
  };

  it('trims what the user typed', () => {
    expect(decodedName('  Work phone \t')).toBe('Work phone');
  });

  it('takes 64 characters, surrounding spaces aside', () => {
    expect(decodedName(` ${'x'.repeat(64)} `)).toBe('x'.repeat(64));
  });

  it('refuses 65 characters, and a blank name', () => {
    expect(refusal(rename('x'.repeat(65)))).toBe('data.name must be at most 64 characters after trimming');
    expect(refusal(rename('   '))).toBe('data.name must not be empty after trimming');
    expect(refusal(rename(42))).toBe('data.name must be a string');
  });
});

describe('decodeCommand: other values', () => {
  it.each([0, -1, 1.5, '60'])('an activation validity of %p is not a positive whole number', (validSeconds) => {
    expect(refusal(withData('IssueDuoMobileActivation', { validSeconds }))).toBe('data.validSeconds must be a positive whole number');
  });

  it('an administrator never states a role; a command that claims one is refused, naming the field', () => {
    const decoded = decodeCommand({ ...examples.ChangeEdition, actor: { ...admin, role: 'OWNER' } });
    expect(decoded).toEqual(E.left({ code: 'INVALID_COMMAND', message: 'actor.role is not a field of an admin actor' }));
  });
});

describe('decodeWith', () => {
  it('names a literal expected', () => {
    expect(decodeWith(AdminActor, 'actor')({ kind: 'user', adminId: ids.owner })).toEqual(E.left({ code: 'INVALID_COMMAND', message: 'actor.kind must be "admin"' }));
  });

  it('names the value itself when there is no path', () => {
    expect(decodeWith(AdminActor)(null)).toEqual(E.left({ code: 'INVALID_COMMAND', message: 'value must be an object' }));
  });
});
