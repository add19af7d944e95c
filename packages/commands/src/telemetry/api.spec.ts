import * as otel from '@opentelemetry/api';
import { installedApi, optionalApi } from './api';

const notFound = () => Object.assign(new Error("Cannot find module '@opentelemetry/api'"), { code: 'MODULE_NOT_FOUND' });

describe('loading the optional @opentelemetry/api', () => {
  it('given the API is installed, when the package runs under CommonJS (as here, under Jest), then it is found at once', () => {
    const api = installedApi();

    expect(api).not.toBeInstanceOf(Promise);
    expect(api).toMatchObject({ trace: otel.trace, metrics: otel.metrics, context: otel.context });
  });

  it('given require finds the API, then it is loaded once and answered at every call', () => {
    const require = jest.fn(() => otel);
    const api = optionalApi({ require, import: () => Promise.reject(notFound()) });

    expect([api(), api(), api()]).toEqual([otel, otel, otel]);
    expect(require).toHaveBeenCalledTimes(1);
  });

  it('given require throws (the API is not installed), then no API and no error, and it is not looked for again', () => {
    const require = jest.fn(() => {
      throw notFound();
    });
    const api = optionalApi({ require, import: () => Promise.resolve(otel) });

    expect([api(), api()]).toEqual([undefined, undefined]);
    expect(require).toHaveBeenCalledTimes(1);
  });

  it('given an ES module build (no require), then the first calls answer the pending import, and once it has settled the API itself', async () => {
    const load = jest.fn(() => Promise.resolve(otel));
    const api = optionalApi({ import: load });

    const first = api();
    expect(first).toBeInstanceOf(Promise);
    expect(api()).toBe(first);
    expect(await first).toBe(otel);
    expect(api()).toBe(otel);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('given an ES module build where the import fails, then no API and no error, and it is not imported again', async () => {
    const load = jest.fn(() => Promise.reject(notFound()));
    const api = optionalApi({ import: load });

    expect(await api()).toBeUndefined();
    expect(api()).toBeUndefined();
    expect(load).toHaveBeenCalledTimes(1);
  });
});
