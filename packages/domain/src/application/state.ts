import type { ApplicationType } from '../shared/enums';
import type { ApplicationEvent } from './events';

export type ApplicationState =
  | Readonly<{ status: 'NONE' }>
  | Readonly<{
      status: 'REGISTERED';
      applicationId: string;
      accountId: string;
      name: string;
      applicationType: ApplicationType;
      /** The administrator's setting; whether it is in effect also depends on the account. */
      selfServiceEnabled: boolean;
    }>;

export const initialApplicationState: ApplicationState = { status: 'NONE' };

export const evolveApplication = (state: ApplicationState, event: ApplicationEvent): ApplicationState => {
  if (event.type === 'ApplicationRegistered') {
    return { status: 'REGISTERED', ...event.data, selfServiceEnabled: false };
  }
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case 'SelfServiceEnabled':
      return { ...state, selfServiceEnabled: true };
    case 'SelfServiceDisabled':
      return { ...state, selfServiceEnabled: false };
  }
};
