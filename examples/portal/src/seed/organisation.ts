import type { ApplicationType, Role } from '@ssp/domain';
import { seedIds as id } from '../demo/people';
import type { PortalCommand } from '../services';

/**
 * The seed story's organisation, as commands: Acme Corp on the Enterprise edition with new
 * enrollment on, an administrator of every role, an application of every type (self-service
 * off on the VPN, so that an administrator can tick the box as the story does, and on for the
 * Intranet), Jordan and Priya with no device yet (their first devices are the story's), Lee
 * with a phone and a hardware token, and Bob's Bakery on the Personal edition. Command ids are
 * fixed, so that seeding twice changes nothing (the handler's idempotency).
 */
const commandId = (n: number): string => `c0000000-0000-4000-8000-${String(900 + n).padStart(12, '0')}`;

const system = { kind: 'system' } as const;
const admin = (adminId: string) => ({ kind: 'admin', adminId }) as const;

const administrators: ReadonlyArray<readonly [string, Role]> = [
  [id.alex, 'ADMINISTRATOR'],
  [id.ade, 'APPLICATION_MANAGER'],
  [id.uma, 'USER_MANAGER'],
  [id.sam, 'HELP_DESK'],
  [id.bea, 'BILLING'],
  [id.rio, 'READ_ONLY'],
];

const applications: ReadonlyArray<readonly [string, string, ApplicationType]> = [
  [id.vpn, 'Acme VPN', 'CISCO_SSL_VPN'],
  [id.ssh, 'Build servers', 'UNIX_SSH'],
  [id.intranet, 'Intranet', 'WEB_SDK'],
  [id.juniper, 'Juniper VPN', 'JUNIPER_SSL_VPN'],
  [id.owa, 'Outlook on the web', 'MICROSOFT_OWA'],
  [id.blog, 'Company blog', 'WORDPRESS'],
  [id.rdp, 'Remote desktops', 'RDP'],
  [id.radius, 'Office Wi-Fi', 'RADIUS'],
  [id.adminApi, 'Admin API', 'ADMIN_API'],
  [id.authApi, 'Auth API', 'AUTH_API'],
];

const users: ReadonlyArray<readonly [string, string]> = [
  [id.jordan, 'jordan'],
  [id.priya, 'priya'],
  [id.lee, 'lee'],
];

const bodies = (): ReadonlyArray<Omit<PortalCommand, 'commandId'>> => [
  { type: 'OpenAccount', actor: system, data: { accountId: id.acme, name: 'Acme Corp', edition: 'ENTERPRISE', ownerAdminId: id.maria } },
  { type: 'EnableNewEnrollment', actor: admin(id.maria), data: { accountId: id.acme } },
  ...administrators.map(([adminId, role]) => ({ type: 'AddAdministrator' as const, actor: admin(id.maria), data: { accountId: id.acme, adminId, role } })),
  ...applications.map(([applicationId, name, applicationType]) => ({
    type: 'RegisterApplication' as const,
    actor: admin(id.ade),
    data: { accountId: id.acme, applicationId, name, applicationType },
  })),
  { type: 'EnableSelfService', actor: admin(id.ade), data: { applicationId: id.intranet } },
  ...users.map(([userId, username]) => ({ type: 'RegisterUser' as const, actor: admin(id.maria), data: { accountId: id.acme, userId, username } })),
  {
    type: 'EnrollDevice',
    actor: admin(id.sam),
    data: { userId: id.lee, deviceId: id.leePhone, kind: 'MOBILE', phoneNumber: '+1 415 555 0142', platform: 'ANDROID', name: "Lee's phone" },
  },
  { type: 'AssignHardwareToken', actor: admin(id.sam), data: { userId: id.lee, tokenId: id.leeToken, serial: 'T6-1001', tokenType: 't6' } },
  { type: 'OpenAccount', actor: system, data: { accountId: id.bakery, name: "Bob's Bakery", edition: 'PERSONAL', ownerAdminId: id.bob } },
  { type: 'EnableNewEnrollment', actor: admin(id.bob), data: { accountId: id.bakery } },
  { type: 'RegisterApplication', actor: admin(id.bob), data: { accountId: id.bakery, applicationId: id.shop, name: 'Web shop', applicationType: 'WEB_SDK' } },
];

export const organisationCommands = (): readonly PortalCommand[] => bodies().map((body, index) => ({ ...body, commandId: commandId(index + 1) }));
