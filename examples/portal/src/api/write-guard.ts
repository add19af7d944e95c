import type { FastifyReply, FastifyRequest } from 'fastify';
import { problemOf, sendProblem } from './problem';

export type WriteGuardOptions = Readonly<{
  /**
   * Origins allowed to write besides the portal's own (`scheme://host[:port]`, as browsers send
   * them): a separate front end of your own. The portal's own origin is always allowed.
   */
  allowedOrigins?: readonly string[];
}>;

const writeMethods: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const bodyMethods: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH']);

/** `application/json; charset=utf-8` → `application/json`. */
const mediaTypeOf = (contentType: string | undefined): string | undefined => contentType?.split(';')[0]?.trim().toLowerCase();

/**
 * Why a write is refused as cross-site, or undefined when it is not. The API authenticates by
 * the portal's session cookie, which a browser attaches to requests that another site makes it
 * send: this is the CSRF protection, and it has two parts.
 *
 * - **Origin.** Browsers send `Origin` on every request whose method is not GET or HEAD, so a
 *   write from a page of another site names that site; it must be the portal's own origin (or
 *   an allowed one). `Sec-Fetch-Site`, where the browser sends it, must be `same-origin` or
 *   `none` (typed by the user); `same-site` is refused too, so that a sibling subdomain cannot
 *   write. A request with neither header is not from a browser page (curl, a server): it has no
 *   ambient cookie to abuse, so it passes on to authentication.
 * - **JSON only** (checked by `unsupportedMediaType`): a cross-site HTML form can only send
 *   urlencoded, multipart or text bodies, and a cross-site `fetch` with `application/json` must
 *   first pass a CORS preflight, which the API never grants.
 *
 * No token is needed on top: the Origin check refuses what a token would.
 */
export const crossSiteReason = (request: FastifyRequest, options: WriteGuardOptions): string | undefined => {
  const fetchSite = request.headers['sec-fetch-site'];
  if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') {
    return `a ${request.method} from another site (Sec-Fetch-Site: ${fetchSite}) is refused`;
  }
  const origin = request.headers.origin;
  if (origin === undefined) return undefined;
  const own = `${request.protocol}://${request.host}`;
  if (origin === own || (options.allowedOrigins ?? []).includes(origin)) return undefined;
  return `a ${request.method} from the origin ${JSON.stringify(origin.slice(0, 100))} is refused; only ${own} may write`;
};

/** Why a write's body is refused, or undefined: bodies are JSON, and DELETE takes none. */
export const unsupportedMediaType = (request: FastifyRequest): string | undefined => {
  if (!bodyMethods.has(request.method)) return undefined;
  const mediaType = mediaTypeOf(request.headers['content-type']);
  if (mediaType === 'application/json') return undefined;
  return mediaType === undefined
    ? `a ${request.method} needs a JSON body with content-type: application/json (send {} when there is nothing to say)`
    : `content-type ${JSON.stringify(mediaType.slice(0, 100))} is not accepted; send application/json`;
};

/**
 * The onRequest hook of every API route: writes are refused before their body is even parsed
 * when they come from another site or are not JSON.
 */
export const guardWrites =
  (options: WriteGuardOptions) =>
  async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    if (!writeMethods.has(request.method)) return undefined;
    const crossSite = crossSiteReason(request, options);
    if (crossSite !== undefined) return sendProblem(reply, problemOf('CROSS_SITE_REQUEST', crossSite, { instance: request.url }));
    const wrongType = unsupportedMediaType(request);
    if (wrongType !== undefined) return sendProblem(reply, problemOf('UNSUPPORTED_MEDIA_TYPE', wrongType, { instance: request.url }));
    return undefined;
  };
