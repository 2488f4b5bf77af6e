/**
 * Change events for connected desktops, over a WebSocket on the office server (ws, same TLS
 * server): after every successful write the server tells each signed-in desktop which channel
 * changed something, so its lists, person pages and dashboard reload within a second. An event
 * names the channel and the time only: no record id, no person data, so a caseworker learns
 * nothing about cases they cannot open. See docs/team-server.md "Change events".
 *
 * A socket must send `{"token": "..."}` within 5 seconds; it is closed when the token is revoked.
 */
import type { Server } from 'node:https';
import { WebSocketServer, type WebSocket } from 'ws';
import { z } from 'zod';
import type { Logger } from '../core/ports';
import type { TeamSessions } from '../core/session/team-sessions';

export const EVENTS_PATH = '/v1/events';
const HELLO_TIMEOUT_MS = 5000;

const helloSchema = z.strictObject({ token: z.string().min(20).max(100) });

export interface ChangeEvent {
  type: 'changed';
  channel: string;
  at: string;
}

export class ChangeFeed {
  private wss: WebSocketServer | null = null;
  private readonly sockets = new Map<WebSocket, string>();

  constructor(
    private readonly sessions: TeamSessions,
    private readonly logger: Logger,
  ) {
    sessions.onRevoke((userId) => {
      for (const [socket, owner] of this.sockets) if (owner === userId) socket.close(4001, 'signed out');
    });
  }

  get connected(): number {
    return this.sockets.size;
  }

  attach(server: Server): void {
    this.wss = new WebSocketServer({ server, path: EVENTS_PATH, maxPayload: 4096 });
    this.wss.on('connection', (socket) => {
      const timer = setTimeout(() => socket.close(4000, 'hello expected'), HELLO_TIMEOUT_MS);
      socket.once('message', (data) => {
        clearTimeout(timer);
        let parsed: z.ZodSafeParseResult<{ token: string }>;
        try {
          parsed = helloSchema.safeParse(JSON.parse(String(data)));
        } catch {
          socket.close(4000, 'malformed');
          return;
        }
        const user = parsed.success ? this.sessions.identify(parsed.data.token, false) : null;
        if (!user) {
          if (parsed.success) this.sessions.refused('events');
          socket.close(4001, 'not signed in');
          return;
        }
        this.sockets.set(socket, user.id);
        socket.send(JSON.stringify({ type: 'ready' }));
        socket.on('message', () => socket.close(4000, 'unexpected'));
      });
      socket.on('close', () => {
        clearTimeout(timer);
        this.sockets.delete(socket);
      });
      socket.on('error', (e) => this.logger.warn('server.event-socket-error', { code: (e as NodeJS.ErrnoException).code ?? 'unknown' }));
    });
  }

  publish(channel: string, at: Date): void {
    const message = JSON.stringify({ type: 'changed', channel, at: at.toISOString() } satisfies ChangeEvent);
    for (const socket of this.sockets.keys()) if (socket.readyState === socket.OPEN) socket.send(message);
  }

  close(): void {
    for (const socket of this.sockets.keys()) socket.close(1001, 'server stopping');
    this.wss?.close();
  }
}
