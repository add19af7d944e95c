import Fastify from 'fastify';
import { startTestPortal } from '../testing';
import { apiRoutes } from './index';
import { api, startApiPortal, type ApiPortal } from './testing';

type Operation = Readonly<{ responses?: Readonly<Record<string, Readonly<{ description?: unknown; content?: Readonly<Record<string, { schema?: unknown }>> }>>>; parameters?: readonly Readonly<{ name?: unknown; in?: unknown; required?: unknown; schema?: unknown }>[] }>;
type Document = Readonly<{
  openapi: string;
  info: Readonly<{ title?: unknown; version?: unknown }>;
  paths: Readonly<Record<string, Readonly<Record<string, Operation>>>>;
  components: Readonly<{ schemas: Readonly<Record<string, unknown>> }>;
}>;

const methods = ['get', 'put', 'post', 'delete', 'patch'];

/** Every `$ref` anywhere in a JSON value. */
const refsIn = (value: unknown): readonly string[] => {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) => (key === '$ref' && typeof inner === 'string' ? [inner] : refsIn(inner)));
};

/** The routes the API plugin registers, as `METHOD /path/{param}`, collected by an onRoute hook. */
const registeredRoutes = async (portal: ApiPortal): Promise<readonly string[]> => {
  const routes: string[] = [];
  const app = Fastify();
  app.addHook('onRoute', ({ method, url }) => {
    for (const each of [method].flat()) if (each !== 'HEAD') routes.push(`${each} ${url.replace(/:(\w+)/g, '{$1}')}`);
  });
  await app.register(apiRoutes, { prefix: '/api', services: portal.services, authenticator: portal.authenticator });
  await app.ready();
  await app.close();
  return routes;
};

describe('the OpenAPI document', () => {
  let portal: ApiPortal;
  let document: Document;

  beforeAll(async () => {
    portal = await startApiPortal();
    document = (await api(portal, { method: 'GET', url: '/api/openapi.json' })).json<Document>();
  });
  afterAll(() => portal.close());

  it('lists every route of the API, and no other', async () => {
    const documented = Object.entries(document.paths).flatMap(([path, item]) => Object.keys(item).filter((key) => methods.includes(key)).map((method) => `${method.toUpperCase()} ${path}`));

    expect([...documented].sort()).toEqual([...(await registeredRoutes(portal))].sort());
  });

  it('is an OpenAPI 3 document: version, info, and operations that each answer described responses', () => {
    expect(document.openapi).toMatch(/^3\.0\.\d+$/);
    expect(typeof document.info.title).toBe('string');
    expect(typeof document.info.version).toBe('string');
    for (const [path, item] of Object.entries(document.paths)) {
      expect(path).toMatch(/^\/api\//);
      for (const operation of Object.values(item)) {
        const responses = Object.entries(operation.responses ?? {});
        expect(responses.length).toBeGreaterThan(0);
        for (const [status, response] of responses) {
          expect(status).toMatch(/^[1-5]\d\d$|^default$/);
          expect(typeof response.description).toBe('string');
        }
        for (const parameter of operation.parameters ?? []) {
          expect(['path', 'query', 'header', 'cookie']).toContain(parameter.in);
          expect(typeof parameter.name).toBe('string');
          expect(parameter.schema).toBeDefined();
          if (parameter.in === 'path') {
            expect(parameter.required).toBe(true);
            expect(path).toContain(`{${String(parameter.name)}}`);
          }
        }
      }
    }
  });

  it('resolves every $ref to a schema among its components', () => {
    const refs = refsIn(document);

    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(document.components.schemas).toHaveProperty(ref.replace('#/components/schemas/', ''));
    }
  });

  it('describes errors as problem details, with the contract codes', () => {
    const renamed = document.paths['/api/me/devices/{deviceId}']?.patch;

    expect(Object.keys(renamed?.responses?.['412']?.content ?? {})).toEqual(['application/problem+json']);
    expect(document.components.schemas).toHaveProperty('Problem');
  });

  it('is served by the portal app itself', async () => {
    const app = await startTestPortal();
    try {
      const response = await app.app.inject({ method: 'GET', url: '/api/openapi.json' });
      expect(response.statusCode).toBe(200);
      expect(response.json<Document>().paths).toEqual(document.paths);
    } finally {
      await app.close();
    }
  });
});
