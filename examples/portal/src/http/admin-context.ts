import * as E from 'fp-ts/Either';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '@ssp/domain';
import type { StoreError } from '@ssp/eventstore';
import { administratorName } from '../demo/people';
import type { AccountDirectory } from '../read-side/account-directory';
import type { PortalServices } from '../services';
import type { AdminSignIn } from './session-data';

/** The signed-in administrator as the Admin Panel's pages show them, with their account. */
export type AdminContext = Readonly<{ admin: AdminSignIn; name: string; role: Role; account: AccountDirectory }>;

export type NoAdmin = Readonly<{ kind: 'signed-out' }> | Readonly<{ kind: 'store'; error: StoreError }>;

/**
 * Who is signed in to the Admin Panel, checked against the account directory each time: an
 * administrator removed since signing in is signed out. The role shown is the one history
 * records; the commands are judged on that same role by the domain, not by this page.
 */
export const adminContextOf = async (request: FastifyRequest, services: PortalServices): Promise<E.Either<NoAdmin, AdminContext>> => {
  const admin = request.session.admin;
  if (admin === undefined) return E.left({ kind: 'signed-out' });
  const account = await services.queries.accountOf(admin.accountId)();
  if (E.isLeft(account)) return E.left({ kind: 'store', error: account.left });
  const role = account.right?.administrators[admin.adminId];
  if (account.right === undefined || role === undefined) {
    request.session.admin = undefined;
    return E.left({ kind: 'signed-out' });
  }
  return E.right({ admin, name: administratorName(admin.adminId), role, account: account.right });
};

/** Sends a signed-out visitor to the sign-in page (303), and answers whether it did. */
export const toAdminSignIn = (reply: FastifyReply): FastifyReply => reply.redirect('/admin/sign-in', 303);
