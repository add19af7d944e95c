/**
 * What can be wrong with what an auditor hands over: a seal file, a key file, an event to
 * prove. Each is a value naming the file's problem and, where one is at fault, the field.
 */
export type SealErrorCode =
  | 'SEAL_NOT_JSON'
  | 'SEAL_INVALID'
  | 'KEY_INVALID'
  | 'KEY_NOT_ED25519'
  | 'EVENT_NOT_FOUND'
  | 'EVENT_NOT_SEALED'
  | 'HISTORY_SHORTER_THAN_SEAL';

export type SealError = Readonly<{ code: SealErrorCode; message: string }>;

export const sealError = (code: SealErrorCode, message: string): SealError => ({ code, message });
