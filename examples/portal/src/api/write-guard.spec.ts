import { appendedBy, etagOfDevices, seedIds, startApiPortal, steppedUpLee, type ApiPortal, type SignedInUser } from './testing';

const phone = `/api/me/devices/${seedIds.leePhone}`;

describe('the API refuses writes from other sites (CSRF) and bodies that are not JSON', () => {
  let portal: ApiPortal;
  let lee: SignedInUser;
  let etag: string;

  beforeEach(async () => {
    portal = await startApiPortal();
    lee = await steppedUpLee(portal);
    etag = await etagOfDevices(portal, lee.cookie);
  });
  afterEach(() => portal.close());

  const rename = (headers: Readonly<Record<string, string>>, payload = JSON.stringify({ name: 'Pwned' })) =>
    appendedBy(portal, () => portal.app.inject({ method: 'PATCH', url: phone, headers: { cookie: lee.cookie, 'if-match': etag, ...headers }, payload }));

  it.each([
    ['another origin', { origin: 'https://evil.example', 'content-type': 'application/json' }],
    ['the opaque origin null', { origin: 'null', 'content-type': 'application/json' }],
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' }],
    ['Sec-Fetch-Site: same-site (a sibling subdomain)', { 'sec-fetch-site': 'same-site', 'content-type': 'application/json' }],
  ])('given a write with the session cookie from %s, answers 403 CROSS_SITE_REQUEST and appends nothing', async (_case, headers) => {
    const { response, appended } = await rename(headers);

    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'CROSS_SITE_REQUEST' });
    expect(appended).toBe(0);
  });

  it.each([
    ['a form', 'application/x-www-form-urlencoded', 'name=Pwned'],
    ['plain text', 'text/plain', '{"name":"Pwned"}'],
    ['multipart', 'multipart/form-data; boundary=x', '--x--'],
  ])('given %s body from the same origin, answers 415 UNSUPPORTED_MEDIA_TYPE and appends nothing', async (_case, contentType, payload) => {
    const { response, appended } = await rename({ origin: 'http://localhost:80', 'content-type': contentType }, payload);

    expect(response.statusCode).toBe(415);
    expect(response.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    expect(appended).toBe(0);
  });

  it('accepts JSON from the portal\'s own origin', async () => {
    const { response, appended } = await rename({ origin: 'http://localhost:80', 'sec-fetch-site': 'same-origin', 'content-type': 'application/json; charset=utf-8' });

    expect(response.statusCode).toBe(200);
    expect(appended).toBe(1);
  });

  it('accepts JSON from a client that is not a browser page (no Origin: no ambient cookie to abuse)', async () => {
    const { response } = await rename({ 'content-type': 'application/json' });

    expect(response.statusCode).toBe(200);
  });

  it('refuses a cross-site DELETE, which has no body, by its origin alone', async () => {
    const { response, appended } = await appendedBy(portal, () =>
      portal.app.inject({ method: 'DELETE', url: `/api/me/hardware-tokens/${seedIds.leeToken}`, headers: { cookie: lee.cookie, 'if-match': etag, origin: 'https://evil.example' } }),
    );

    expect(response.statusCode).toBe(403);
    expect(appended).toBe(0);
  });
});
