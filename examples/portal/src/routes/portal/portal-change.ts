import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CommandResult } from '@ssp/commands';
import type { CommandType } from '@ssp/domain';
import { redirectWithFlash } from '../../http/page';
import { portalActor, toPortalSignIn, toStepUp } from '../../http/portal-context';
import { asksForStepUp, refusals, refusalStatus, refusalView, type RefusalView } from '../../http/refusals';
import type { PortalServices } from '../../services';

export type ChangeOutcome = Readonly<{ request: FastifyRequest; reply: FastifyReply }>;

export type PortalChange = Readonly<{
  type: CommandType;
  /** The command's data but the user: `userId` is always the signed-in user's. */
  data: Readonly<Record<string, unknown>>;
  /** The page of the action: where a step-up returns to. */
  returnTo: string;
  success: (result: Extract<CommandResult, { ok: true }>) => Readonly<{ to: string; text: string }>;
  /** Shows the page of the action again with the refusal, and the refusal's status. */
  refused: (refusal: RefusalView, status: number) => unknown;
}>;

/**
 * One change in the portal, the same way for every action: the actor is the signed-in user
 * and their portal session (never a field of the form), the user is themselves, and the
 * domain decides. A missing or stale step-up sends the user to step up and back to the
 * action; any other refusal shows its reason on the action's page.
 */
export const sendPortalChange = async (request: FastifyRequest, reply: FastifyReply, services: PortalServices, change: PortalChange): Promise<unknown> => {
  const portal = request.session.portal;
  if (portal === undefined) return toPortalSignIn(request, reply);
  const result = await services.execute({ type: change.type, actor: portalActor(portal), data: { ...change.data, userId: portal.userId } });
  if (!result.ok) {
    if (asksForStepUp(result.error)) return toStepUp(request, reply, change.returnTo, `${refusals[result.error.code].reason}. ${result.error.message}`);
    return change.refused(refusalView(result.error), refusalStatus(result.error.code));
  }
  const { to, text } = change.success(result);
  return redirectWithFlash(request, reply, to, { kind: 'success', text });
};

/** A string field of the first event of a type in an accepted command, for the message after it. */
export const eventField = (result: Extract<CommandResult, { ok: true }>, type: string, field: string): string | undefined => {
  const value = result.events.find((event) => event.type === type)?.data[field];
  return typeof value === 'string' ? value : undefined;
};
