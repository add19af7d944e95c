import * as E from 'fp-ts/Either';
import * as t from 'io-ts';
import { accountCommandCodecs } from './account/commands';
import { applicationCommandCodecs } from './application/commands';
import { portalSessionCommandCodecs } from './portal-session/commands';
import { actorCodecs } from './shared/actor';
import { decodeWith, isRecord } from './shared/decode';
import { domainError, type DomainError } from './shared/errors';
import { echo } from './shared/text';
import { enrollmentShapeErrors, userDevicesCommandCodecs } from './user-devices/commands';

/** Every command of the contract, by type. */
export const commandCodecs = {
  ...accountCommandCodecs,
  ...applicationCommandCodecs,
  ...userDevicesCommandCodecs,
  ...portalSessionCommandCodecs,
} as const;

export type CommandType = keyof typeof commandCodecs;
export type Command = t.TypeOf<(typeof commandCodecs)[CommandType]>;
export const commandTypes = Object.keys(commandCodecs) as readonly CommandType[];

const isCommandType = (type: string): type is CommandType => Object.hasOwn(commandCodecs, type);
const isActorKind = (kind: string): kind is keyof typeof actorCodecs => Object.hasOwn(actorCodecs, kind);

const invalid = (message: string): E.Either<DomainError, never> => E.left(domainError('INVALID_COMMAND', message));

/** Checks that are about shape, not rules, so that a bad command is refused before anything loads. */
const shapeErrors = (command: Command): readonly string[] => {
  const errors: string[] = [];
  if (command.actor.kind === 'user' && command.actor.sessionId === undefined && command.type !== 'StartPortalSession') {
    errors.push('actor.sessionId is required: every user command but StartPortalSession runs inside a portal session');
  }
  if (command.type === 'EnrollDevice') errors.push(...enrollmentShapeErrors(command.data));
  return errors;
};

/**
 * Decodes unknown JSON into a command, or INVALID_COMMAND with a message that names each bad
 * field by its path (`data.phoneNumber is not a valid phone number …`).
 */
export const decodeCommand = (input: unknown): E.Either<DomainError, Command> => {
  if (!isRecord(input)) return invalid('a command must be a JSON object');
  const { type, actor } = input;
  if (typeof type !== 'string') return invalid('type is required: the name of a command');
  if (!isCommandType(type)) return invalid(`type ${echo(type)} is not a command; expected one of ${commandTypes.join(', ')}`);
  if (!isRecord(actor)) return invalid(actor === undefined ? 'actor is required' : 'actor must be an object');
  if (typeof actor.kind !== 'string' || !isActorKind(actor.kind)) {
    return invalid(`actor.kind must be one of ${Object.keys(actorCodecs).join(', ')}`);
  }
  const actorCodec: t.Decoder<unknown, unknown> = actorCodecs[actor.kind];
  const actorCheck = decodeWith(actorCodec, 'actor')(actor);
  if (E.isLeft(actorCheck)) return actorCheck;
  const codec: t.Decoder<unknown, Command> = commandCodecs[type];
  return E.chain((command: Command) => {
    const errors = shapeErrors(command);
    return errors.length === 0 ? E.right(command) : invalid(errors.join('; '));
  })(decodeWith(codec)(input));
};
