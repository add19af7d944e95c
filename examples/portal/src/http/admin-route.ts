import * as E from 'fp-ts/Either';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CommandType } from '@ssp/domain';
import type { PortalServices } from '../services';
import { adminContextOf, toAdminSignIn, type AdminContext } from './admin-context';
import { redirectWithFlash } from './page';
import { refusalStatus, refusalView, type RefusalView } from './refusals';
import { storeFailurePage } from './store-failure';

/** Runs a page handler for the signed-in administrator, or sends a visitor to sign in. */
export const withAdmin = async (
  request: FastifyRequest,
  reply: FastifyReply,
  services: PortalServices,
  handler: (context: AdminContext) => unknown,
): Promise<unknown> => {
  const context = await adminContextOf(request, services);
  if (E.isLeft(context)) return context.left.kind === 'store' ? storeFailurePage(request, reply, context.left.error) : toAdminSignIn(reply);
  return handler(context.right);
};

export type AdminChange = Readonly<{
  type: CommandType;
  data: Readonly<Record<string, unknown>>;
  success: Readonly<{ to: string; text: string }>;
  refused: (refusal: RefusalView, status: number) => unknown;
}>;

/** An administrator's command: the actor is the signed-in administrator; their role is history's, judged by the domain. */
export const sendAdminChange = async (request: FastifyRequest, reply: FastifyReply, services: PortalServices, context: AdminContext, change: AdminChange): Promise<unknown> => {
  const result = await services.execute({ type: change.type, actor: { kind: 'admin', adminId: context.admin.adminId }, data: change.data });
  if (!result.ok) return change.refused(refusalView(result.error), refusalStatus(result.error.code));
  return redirectWithFlash(request, reply, change.success.to, { kind: 'success', text: change.success.text });
};
