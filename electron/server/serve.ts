/**
 * Starts an office server on a vault folder: the administrator's unlock opens the vault (the data
 * key stays in this process), then the core is served to desktops over pinned TLS. Used by
 * `passerelle serve` and by the tests, which run it in-process or as a child process.
 * See docs/team-server.md.
 */
import { createCore, type Core } from '../core/app-core';
import type { KdfProfile } from '../core/crypto/kdf';
import { memoryPreferences, type Clock, type Logger } from '../core/ports';
import { TeamSessions } from '../core/session/team-sessions';
import { AppError } from '../../shared/errors';
import { ensureServerCertificate, type CertificateFingerprint } from './certificate';
import { startOfficeServer, type RunningServer } from './office-server';
import { TeamRouter } from './team-router';

export interface TeamServerOptions {
  vaultDir: string;
  migrationsFolder: string;
  host: string;
  port: number;
  /** The administrator who unlocks the vault at start, or `serverKey` (unattended start). */
  username?: string;
  password?: string;
  /** The secret of the server's own key slot, read from its root-only key file (docs/team-server.md "Unattended start"). */
  serverKey?: string;
  clock: Clock;
  logger: Logger;
  /** An organisation's certificate instead of the server's own. */
  certFile?: string;
  keyFile?: string;
  kdfProfile?: KdfProfile;
  /** Where `vault.backup` writes (docs/team-server.md "Backups"); none: that channel is refused. */
  backupDir?: string;
  requestTimeoutMs?: number;
  headersTimeoutMs?: number;
}

export interface TeamServer {
  url: string;
  port: number;
  fingerprint: CertificateFingerprint;
  certPem: string;
  certificateCreated: boolean;
  core: Core;
  sessions: TeamSessions;
  router: TeamRouter;
  http: RunningServer;
  /** Drains running requests, signs everyone out, checkpoints and closes the vault. */
  stop(): Promise<void>;
}

const SWEEP_INTERVAL_MS = 30_000;

export async function startTeamServer(options: TeamServerOptions): Promise<TeamServer> {
  const core = createCore({
    vaultDir: options.vaultDir,
    migrationsFolder: options.migrationsFolder,
    clock: options.clock,
    logger: options.logger,
    prefs: memoryPreferences(),
    callsOnly: true,
    ...(options.backupDir ? { backupDir: options.backupDir } : {}),
    ...(options.kdfProfile ? { kdfProfile: options.kdfProfile } : {}),
  });
  try {
    if (options.serverKey !== undefined) {
      await core.vault.unlockWithServerKey(options.serverKey);
    } else {
      await core.vault.unlock(options.username ?? '', options.password ?? '');
      if (core.vault.signedInHere()?.role !== 'admin') throw new AppError('FORBIDDEN', 'forbidden');
    }
    const sessions = new TeamSessions({ vault: core.vault, settings: core.settings, clock: options.clock, logger: options.logger });
    const router = new TeamRouter(core, sessions, () => options.clock.now().getTime());
    const cert = await ensureServerCertificate(options.vaultDir, {
      hosts: [options.host],
      ...(options.certFile ? { certFile: options.certFile } : {}),
      ...(options.keyFile ? { keyFile: options.keyFile } : {}),
    });
    const sweep = setInterval(() => sessions.sweep(), SWEEP_INTERVAL_MS);
    sweep.unref();
    const http = await startOfficeServer({
      router,
      sessions,
      tls: cert,
      host: options.host,
      port: options.port,
      logger: options.logger,
      ...(options.requestTimeoutMs ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
      ...(options.headersTimeoutMs ? { headersTimeoutMs: options.headersTimeoutMs } : {}),
    });
    router.onWrite((channel) => http.feed.publish(channel, options.clock.now()));
    let stopping: Promise<void> | null = null;
    return {
      url: http.url,
      port: http.port,
      fingerprint: cert.fingerprint,
      certPem: cert.certPem,
      certificateCreated: cert.created,
      core,
      sessions,
      router,
      http,
      stop() {
        stopping ??= (async () => {
          clearInterval(sweep);
          await http.close();
          sessions.revokeAll('shutdown');
          core.vault.checkpoint();
          core.dispose();
        })();
        return stopping;
      },
    };
  } catch (e) {
    core.dispose();
    throw e;
  }
}
