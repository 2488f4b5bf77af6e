/**
 * The office server's transport: the core's router served over HTTPS (TLS 1.3 only) to desktops
 * and CLI clients that pin its certificate. Everything malformed is refused here, before the
 * router: unknown channels (404), a content type other than JSON (415), a body over the channel's
 * limit (413; large bodies only with a valid token), malformed JSON (400), slow clients (408).
 * Change events go out over a WebSocket on the same server. See docs/team-server.md "Protocol".
 */
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError, type ErrorPayload } from '../../shared/errors';
import { HANDOVER_PACKAGE_MAX_BYTES } from '../../shared/handover/handover.ipc';
import { MAX_IMPORT_FILE_BYTES } from '../../shared/import/import.schema';
import { ATTACHMENT_MAX_BASE64_LENGTH } from '../../shared/persons/attachment.schema';
import type { Logger } from '../core/ports';
import type { TeamSessions } from '../core/session/team-sessions';
import { ChangeFeed } from './change-feed';
import { isChannel, type TeamRouter } from './team-router';

/** Bodies of ordinary calls: forms, lists, small files. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;
const ENVELOPE = 64 * 1024;
/** Channels that carry files, and the largest body each accepts. */
const LARGE_BODY_LIMITS: Record<string, number> = {
  'attachments.add': ATTACHMENT_MAX_BASE64_LENGTH + ENVELOPE,
  'handover.previewImport': Math.ceil((HANDOVER_PACKAGE_MAX_BYTES * 4) / 3) + ENVELOPE,
  'handover.acceptImport': Math.ceil((HANDOVER_PACKAGE_MAX_BYTES * 4) / 3) + ENVELOPE,
  'handover.declineImport': Math.ceil((HANDOVER_PACKAGE_MAX_BYTES * 4) / 3) + ENVELOPE,
  // Spreadsheets for the import (docs/import.md), from the Import screen or `person import --server`.
  'spreadsheetImport.inspect': Math.ceil((MAX_IMPORT_FILE_BYTES * 4) / 3) + ENVELOPE,
  'spreadsheetImport.dryRun': Math.ceil((MAX_IMPORT_FILE_BYTES * 4) / 3) + ENVELOPE,
  'spreadsheetImport.run': Math.ceil((MAX_IMPORT_FILE_BYTES * 4) / 3) + ENVELOPE,
};
const MAX_BODY_LIMIT = Math.max(DEFAULT_BODY_LIMIT, ...Object.values(LARGE_BODY_LIMITS));

export function bodyLimitOf(channel: string): number {
  return LARGE_BODY_LIMITS[channel] ?? DEFAULT_BODY_LIMIT;
}

const TOKEN_PATTERN = /^Bearer ([A-Za-z0-9_-]{20,100})$/;

const envelopeSchema = z.strictObject({
  input: z.unknown().optional(),
  requestId: z.uuid().optional(),
});

export interface OfficeServerOptions {
  router: TeamRouter;
  sessions: TeamSessions;
  tls: { certPem: string; keyPem: string };
  host: string;
  port: number;
  logger: Logger;
  /** Whole request (headers and body) in time, else 408. */
  requestTimeoutMs?: number;
  headersTimeoutMs?: number;
  /** Called before the server stops listening for good (tests: crash simulation needs none). */
  onClose?: () => void | Promise<void>;
}

export interface RunningServer {
  url: string;
  port: number;
  app: FastifyInstance;
  feed: ChangeFeed;
  /** Stops accepting, lets running requests finish, closes the event sockets. */
  close(): Promise<void>;
}

function refusal(status: number, error: ErrorPayload) {
  return { status, body: { ok: false as const, error } };
}

function tokenOf(req: IncomingMessage): string | null | 'malformed' {
  const header = req.headers.authorization;
  if (header === undefined) return null;
  const m = TOKEN_PATTERN.exec(header);
  return m?.[1] ?? 'malformed';
}

export async function startOfficeServer(options: OfficeServerOptions): Promise<RunningServer> {
  const requestTimeout = options.requestTimeoutMs ?? 120_000;
  const headersTimeout = options.headersTimeoutMs ?? 10_000;
  const app = Fastify({
    logger: false,
    bodyLimit: MAX_BODY_LIMIT,
    requestTimeout,
    connectionTimeout: requestTimeout,
    keepAliveTimeout: 30_000,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    https: {
      key: options.tls.keyPem,
      cert: options.tls.certPem,
      minVersion: 'TLSv1.3',
      // Fastify sets its own timeouts after the server exists; these must be given here to apply
      // from the first request (/work/shared/design/toolchain.md, fastify).
      headersTimeout,
      requestTimeout,
      connectionsCheckingInterval: Math.min(1000, headersTimeout),
    } as import('node:https').ServerOptions,
  });

  // Only JSON is accepted; fastify's default text/plain parser is removed, so anything else is 415.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: MAX_BODY_LIMIT }, (_req, body, done) => {
    try {
      done(null, JSON.parse(body as string));
    } catch {
      const err = new Error('malformed JSON') as FastifyError;
      err.statusCode = 400;
      err.code = 'PASSERELLE_MALFORMED_JSON';
      done(err, undefined);
    }
  });

  app.setErrorHandler((error: FastifyError, _req, reply) => {
    const status = error.statusCode ?? 500;
    if (status === 413) {
      return reply.code(413).send(refusal(413, new AppError('VALIDATION', 'serverRequestTooLarge').toPayload()).body);
    }
    if (status >= 400 && status < 500) {
      const reason = status === 415 ? 'contentType' : error.code === 'PASSERELLE_MALFORMED_JSON' || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ? 'json' : 'request';
      return reply.code(status).send(refusal(status, new AppError('VALIDATION', 'validation', undefined, { reason }).toPayload()).body);
    }
    options.logger.error('server.request-failed', error);
    return reply.code(500).send(refusal(500, new AppError('INTERNAL', 'internal').toPayload()).body);
  });

  app.setNotFoundHandler((_req, reply) =>
    reply.code(404).send(refusal(404, new AppError('NOT_FOUND', 'notFound', undefined, { reason: 'route' }).toPayload()).body),
  );

  // Before any body is read: the channel exists, the body is JSON and within the channel's limit,
  // and a large body comes from someone signed in.
  app.addHook('onRequest', async (req, reply) => {
    if (req.routeOptions.url !== '/v1/call/:channel') return;
    const channel = (req.params as { channel?: string }).channel ?? '';
    if (!isChannel(channel)) {
      return reply.code(404).send(refusal(404, new AppError('NOT_FOUND', 'notFound', undefined, { reason: 'channel' }).toPayload()).body);
    }
    const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/json') {
      return reply.code(415).send(refusal(415, new AppError('VALIDATION', 'validation', undefined, { reason: 'contentType' }).toPayload()).body);
    }
    const length = Number(req.headers['content-length'] ?? Number.NaN);
    if (!Number.isSafeInteger(length) || length < 0) {
      return reply.code(411).send(refusal(411, new AppError('VALIDATION', 'validation', undefined, { reason: 'length' }).toPayload()).body);
    }
    const limit = bodyLimitOf(channel);
    if (length > limit) {
      return reply.code(413).send(refusal(413, new AppError('VALIDATION', 'serverRequestTooLarge').toPayload()).body);
    }
    if (length > DEFAULT_BODY_LIMIT) {
      const token = tokenOf(req.raw);
      if (typeof token !== 'string' || token === 'malformed' || !options.sessions.identify(token, false)) {
        return reply.code(401).send(refusal(401, new AppError('LOCKED', 'locked').toPayload()).body);
      }
    }
    return undefined;
  });

  app.post<{ Params: { channel: string } }>('/v1/call/:channel', async (req, reply) => {
    const channel = req.params.channel;
    if (!isChannel(channel)) return reply.code(404).send(refusal(404, new AppError('NOT_FOUND', 'notFound').toPayload()).body);
    const envelope = envelopeSchema.safeParse(req.body);
    if (!envelope.success) {
      return reply.code(400).send(refusal(400, new AppError('VALIDATION', 'validation', undefined, { reason: 'envelope' }).toPayload()).body);
    }
    const token = tokenOf(req.raw);
    const answer = await options.router.call({
      channel,
      input: envelope.data.input,
      // A malformed token is a bad token: refused and audited like an unknown one.
      token: token === 'malformed' ? '-' : token,
      requestId: envelope.data.requestId ?? null,
      client: req.ip,
    });
    reply.header('cache-control', 'no-store');
    return answer.token ? { ...answer.result, token: answer.token } : answer.result;
  });

  const feed = new ChangeFeed(options.sessions, options.logger);
  await app.listen({ host: options.host, port: options.port });
  feed.attach(app.server);
  const port = (app.server.address() as AddressInfo).port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `https://${host}:${port}`,
    port,
    app,
    feed,
    async close() {
      feed.close();
      await app.close();
      await options.onClose?.();
    },
  };
}
