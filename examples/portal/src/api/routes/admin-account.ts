import * as TE from 'fp-ts/TaskEither';
import { pipe } from 'fp-ts/function';
import { Edition, Role, type CommandType } from '@ssp/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AccountDirectory } from '../../read-side/account-directory';
import type { PortalServices } from '../../services';
import { answer, dataOf, runCommand } from '../command';
import { adminOf, storeProblem } from '../principal';
import { problemOf, type Problem } from '../problem';
import { changeHeaders, emptyBody, enumOf, problems, uuid } from '../schemas/common';
import { sentFieldsOf } from '../sent-body';
import { adminTag } from './admin-applications';

const tags = [adminTag];

const accountSchema = {
  $id: 'Account',
  type: 'object',
  required: ['accountId', 'name', 'edition', 'newEnrollmentEnabled', 'administrators'],
  properties: {
    accountId: uuid,
    name: { type: 'string' },
    edition: enumOf(Edition),
    newEnrollmentEnabled: { type: 'boolean' },
    administrators: {
      type: 'array',
      items: { type: 'object', required: ['adminId', 'role'], properties: { adminId: uuid, role: enumOf(Role) } },
      description: 'with the roles history records',
    },
  },
} as const;

const editionBody = { type: 'object', required: ['edition'], additionalProperties: false, properties: { edition: enumOf(Edition) } } as const;

const accountView = ({ accountId, name, edition, newEnrollmentEnabled, administrators }: AccountDirectory) => ({
  accountId,
  name,
  edition,
  newEnrollmentEnabled,
  administrators: Object.entries(administrators).map(([adminId, role]) => ({ adminId, role })),
});

const accountOf = (services: PortalServices, request: FastifyRequest): TE.TaskEither<Problem, AccountDirectory> =>
  pipe(
    adminOf(request, services),
    TE.chain((admin) => pipe(services.queries.accountOf(admin.accountId), TE.mapLeft(storeProblem))),
    TE.chain((account) => (account === undefined ? TE.left(problemOf('NOT_FOUND', 'account not found')) : TE.right(account))),
  );

/**
 * The administrator's account: its edition and new enrollment, which decide whether
 * self-service is in effect. Only an OWNER changes the edition; OWNER and ADMINISTRATOR turn
 * new enrollment on and off (the domain's permissions).
 */
export const registerAdminAccountRoutes = (api: FastifyInstance, services: PortalServices): void => {
  api.addSchema(accountSchema);

  const change = (type: CommandType) => async (request: FastifyRequest, reply: FastifyReply) =>
    answer(request, reply, (account: AccountDirectory) => reply.send(accountView(account)))(
      pipe(
        adminOf(request, services),
        TE.chain((admin) =>
          pipe(
            TE.fromEither(dataOf(sentFieldsOf(request), { accountId: admin.accountId })),
            TE.chain((data) => runCommand(services, request, { type, actor: admin.actor, data })),
          ),
        ),
        TE.chain(() => accountOf(services, request)),
      ),
    );

  const changed = { description: 'the account after the change', $ref: 'Account#' };
  const changeProblems = problems(400, 403, 404, 409, 415, 422);

  api.get('/admin/account', {
    schema: { tags, summary: "The administrator's account: edition, new enrollment, administrators", response: { 200: { description: 'the account', $ref: 'Account#' }, ...problems(404) } },
  }, async (request, reply) =>
    answer(request, reply, (account: AccountDirectory) => reply.header('cache-control', 'no-store').send(accountView(account)))(accountOf(services, request)),
  );

  api.put('/admin/account/edition', {
    schema: { tags, summary: 'Change the edition (OWNER only)', headers: changeHeaders, body: editionBody, response: { 200: changed, ...changeProblems } },
  }, change('ChangeEdition'));

  api.put('/admin/account/new-enrollment', {
    schema: { tags, summary: 'Turn new enrollment on (body: {})', headers: changeHeaders, body: emptyBody, response: { 200: changed, ...changeProblems } },
  }, change('EnableNewEnrollment'));

  api.delete('/admin/account/new-enrollment', {
    schema: { tags, summary: 'Turn new enrollment off', headers: changeHeaders, response: { 200: changed, ...changeProblems } },
  }, change('DisableNewEnrollment'));
};
