import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';

const assetsDirectory = join(__dirname, '..', '..', 'assets');

/** The few static files, read once: the style sheet and the step-up page's polling script. */
const assets: Readonly<Record<string, Readonly<{ type: string; body: Buffer }>>> = {
  'portal.css': { type: 'text/css; charset=utf-8', body: readFileSync(join(assetsDirectory, 'portal.css')) },
  'step-up.js': { type: 'text/javascript; charset=utf-8', body: readFileSync(join(assetsDirectory, 'step-up.js')) },
};

export const registerAssets = async (app: FastifyInstance): Promise<void> => {
  app.get<{ Params: { name: string } }>('/assets/:name', async (request, reply) => {
    const asset = Object.hasOwn(assets, request.params.name) ? assets[request.params.name] : undefined;
    if (asset === undefined) return reply.callNotFound();
    return reply.type(asset.type).header('cache-control', 'public, max-age=300').send(asset.body);
  });
};
