import { api, appendedBy, seedIds, signedInAdmin, startApiPortal, type ApiPortal } from './testing';

describe('errors the API answers before a route runs', () => {
  let portal: ApiPortal;

  beforeEach(async () => {
    portal = await startApiPortal();
  });
  afterEach(() => portal.close());

  it('answers an unknown route with a problem, 404 ROUTE_NOT_FOUND', async () => {
    const response = await api(portal, { method: 'GET', url: '/api/nothing-here' });

    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND', status: 404, instance: '/api/nothing-here' });
  });

  it.each([
    ['a JSON array', [], 'body'],
    ['a path parameter that is not a UUID', {}, 'applicationId'],
  ])('answers %s with 400 INVALID_COMMAND naming it, appending nothing', async (_case, body, field) => {
    const maria = await signedInAdmin(portal);
    const url = field === 'applicationId' ? '/api/admin/applications/not-a-uuid/self-service' : `/api/admin/applications/${seedIds.vpn}/self-service`;

    const { response, appended } = await appendedBy(portal, () => api(portal, { method: 'PUT', url, cookie: maria, body }));

    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'INVALID_COMMAND', field });
    expect(appended).toBe(0);
  });

  it('answers an Idempotency-Key that is not a UUID with 400, naming the header', async () => {
    const maria = await signedInAdmin(portal);

    const { response, appended } = await appendedBy(portal, () =>
      api(portal, { method: 'PUT', url: `/api/admin/applications/${seedIds.vpn}/self-service`, cookie: maria, body: {}, headers: { 'idempotency-key': 'again' } }),
    );

    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'INVALID_COMMAND', field: 'idempotency-key' });
    expect(appended).toBe(0);
  });
});
