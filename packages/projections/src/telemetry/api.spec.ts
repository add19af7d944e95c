import * as otel from '@opentelemetry/api';
import { installedApi, optionalApi } from './api';

// The same loader as the command side's (a peer is resolved from the package that declares it):
// these cases keep the two from drifting apart.
const notFound = () => Object.assign(new Error("Cannot find module '@opentelemetry/api'"), { code: 'MODULE_NOT_FOUND' });

describe("loading the optional @opentelemetry/api, from the read side's own location", () => {
  it('given the API is installed, when the package runs under CommonJS (as here, under Jest), then it is found at once', () => {
    expect(installedApi()).toMatchObject({ trace: otel.trace, metrics: otel.metrics, context: otel.context });
  });

  it('given require throws (the API is not installed), then no API and no error, and it is not looked for again', () => {
    const require = jest.fn(() => {
      throw notFound();
    });
    const api = optionalApi({ require, import: () => Promise.resolve(otel) });

    expect([api(), api()]).toEqual([undefined, undefined]);
    expect(require).toHaveBeenCalledTimes(1);
  });

  it('given an ES module build (no require), then the pending import until it settles, then the API, imported once', async () => {
    const load = jest.fn(() => Promise.resolve(otel));
    const api = optionalApi({ import: load });

    expect(await api()).toBe(otel);
    expect(api()).toBe(otel);
    expect(load).toHaveBeenCalledTimes(1);
  });
});
