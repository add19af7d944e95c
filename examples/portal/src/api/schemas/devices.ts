import { LoginAction, PhoneKind, Platform, TokenType } from '@ssp/domain';
import { enumOf, uuid } from './common';

/** A phone as "My Settings & Devices" shows it (the read model's `PhoneView`). */
export const phoneSchema = {
  $id: 'Phone',
  type: 'object',
  required: ['deviceId', 'name', 'kind', 'platform', 'duoMobile', 'isDefault', 'addedAt'],
  properties: {
    deviceId: uuid,
    name: { type: 'string' },
    kind: enumOf(PhoneKind),
    platform: enumOf(Platform),
    duoMobile: {
      type: 'object',
      required: ['status'],
      properties: {
        status: { type: 'string', enum: ['ACTIVATED', 'NOT_ACTIVATED', 'NOT_AVAILABLE'] },
        activationPendingUntil: { type: 'string', format: 'date-time' },
      },
    },
    isDefault: { type: 'boolean' },
    addedAt: { type: 'string', format: 'date-time' },
    maskedNumber: { type: 'string', description: 'the last four digits only: the whole number is never shown' },
    extension: { type: 'string' },
    loginAction: enumOf(LoginAction),
  },
} as const;

export const hardwareTokenSchema = {
  $id: 'HardwareToken',
  type: 'object',
  required: ['tokenId', 'tokenType', 'serial', 'addedAt'],
  properties: { tokenId: uuid, tokenType: enumOf(TokenType), serial: { type: 'string' }, addedAt: { type: 'string', format: 'date-time' } },
} as const;

/** A user's devices (the read model `my-settings-and-devices`), answered with an ETag. */
export const devicesSchema = {
  $id: 'Devices',
  type: 'object',
  required: ['userId', 'accountId', 'username', 'phones', 'hardwareTokens', 'updatedAt'],
  properties: {
    userId: uuid,
    accountId: uuid,
    username: { type: 'string' },
    phones: { type: 'array', items: { $ref: 'Phone#' } },
    hardwareTokens: { type: 'array', items: { $ref: 'HardwareToken#' } },
    updatedAt: { type: 'string', format: 'date-time' },
  },
} as const;

/**
 * The body of an enrollment. Which kind takes which field (a tablet has no number, a landline
 * no platform) is the domain's rule, checked by its codec with a message naming the field.
 */
export const enrollmentBody = {
  type: 'object',
  required: ['kind'],
  additionalProperties: false,
  properties: {
    deviceId: { ...uuid, description: 'Chosen by the client to make a retry safe (with the same Idempotency-Key); by the server when absent.' },
    kind: enumOf(PhoneKind),
    phoneNumber: { type: 'string', description: 'E.164, or a North American number without +1; MOBILE and LANDLINE only' },
    extension: { type: 'string', description: 'digits, LANDLINE only' },
    platform: enumOf(Platform),
    name: { type: 'string', minLength: 1, maxLength: 200, description: '1 to 64 characters after trimming; a readable default when absent' },
  },
} as const;

export const renameBody = {
  type: 'object',
  required: ['name'],
  additionalProperties: false,
  properties: { name: { type: 'string', minLength: 1, maxLength: 200, description: '1 to 64 characters after trimming' } },
} as const;

export const defaultDeviceBody = {
  type: 'object',
  required: ['deviceId', 'loginAction'],
  additionalProperties: false,
  properties: { deviceId: uuid, loginAction: enumOf(LoginAction) },
} as const;

export const activationBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    activationId: { ...uuid, description: 'Chosen by the client to make a retry safe; by the server when absent.' },
    validSeconds: { type: 'integer', minimum: 1, description: 'at most 7 days (policy); 24 hours when absent' },
  },
} as const;

export const activateBody = {
  type: 'object',
  required: ['activationId'],
  additionalProperties: false,
  properties: { activationId: { ...uuid, description: 'the activation code the phone scanned' } },
} as const;

export const activationSchema = {
  $id: 'Activation',
  type: 'object',
  required: ['deviceId', 'activationId', 'expiresAt'],
  properties: {
    deviceId: uuid,
    activationId: { ...uuid, description: 'the activation code: what the QR code holds, and what the phone sends to activate' },
    expiresAt: { type: 'string', format: 'date-time' },
  },
} as const;

export const hardwareTokenBody = {
  type: 'object',
  required: ['serial', 'tokenType'],
  additionalProperties: false,
  properties: {
    tokenId: { ...uuid, description: 'Chosen by the client to make a retry safe; by the server when absent.' },
    serial: { type: 'string', minLength: 1, maxLength: 200 },
    tokenType: enumOf(TokenType),
  },
} as const;

export const deviceParams = { type: 'object', required: ['deviceId'], properties: { deviceId: uuid } } as const;
export const tokenParams = { type: 'object', required: ['tokenId'], properties: { tokenId: uuid } } as const;
