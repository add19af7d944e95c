import { join } from 'node:path';
import view from '@fastify/view';
import { Eta } from 'eta';
import type { FastifyInstance } from 'fastify';

/** Where the templates are: `examples/portal/views`, beside `src/`. */
export const viewsDirectory = join(__dirname, '..', '..', 'views');

/**
 * Server-rendered HTML through Eta, which escapes every `<%= %>` by default (autoEscape is
 * Eta's default, set here so that nobody turns it off by accident).
 */
export const registerViews = async (app: FastifyInstance, options: Readonly<{ cache: boolean }>): Promise<void> => {
  const eta = new Eta({ views: viewsDirectory, autoEscape: true, cache: options.cache });
  await app.register(view, { engine: { eta }, templates: viewsDirectory, production: options.cache });
};
