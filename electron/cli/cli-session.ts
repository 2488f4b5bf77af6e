/**
 * Where a command's calls go: the vault folder on this machine (`--vault DIR`: the embedded core,
 * unlocked here) or the office server (`--server URL --server-fingerprint DIGITS`: a RemoteRouter
 * pinned to the server's certificate). Either way the command calls contract channels through a
 * router, so roles, the caseworker restriction and the audit trail are those of whoever runs the
 * vault: the server, when there is one. See docs/cli.md "Against an office server".
 *
 * Against a server, the certificate is checked against the digits at a handshake that sends
 * nothing, BEFORE the password is asked or sent: a wrong fingerprint ends the command there.
 */
import { resolve } from 'node:path';
import { InvalidArgumentError, Option } from 'commander';
import { z } from 'zod';
import { MIGRATIONS_DIR } from '../../db/migrations-dir';
import { parseFingerprintInput } from '../../shared/handover/fingerprint';
import { AppError, interpolate, type ErrorPayload, type Result } from '../../shared/errors';
import { en } from '../../shared/i18n/en';
import type { Channel, In, Out, SessionUser } from '../../shared/ipc/contract';
import { createCore, type Core } from '../core/app-core';
import { memoryPreferences, systemClock } from '../core/ports';
import { readKeySlotFile } from '../core/vault/keyslot-file';
import { pinFromDigits, type Pin } from '../remote/pinned-tls';
import { RemoteRouter } from '../remote/remote-router';
import { UsageError } from './cli-errors';
import type { Context } from './cli-context';
import type { SecretReader } from './secrets';

export type Target = { kind: 'vault'; dir: string } | { kind: 'server'; url: string; fingerprint: string | Pin };

/** The options as commander gives them (the vault already resolved to an absolute path). */
export interface TargetOptions {
  vault?: string | undefined;
  server?: string | undefined;
  serverFingerprint?: string | undefined;
}

const usage = (key: keyof typeof en.errors, params?: Record<string, string>) => new UsageError(interpolate(en.errors[key], params));

const serverUrlSchema = z
  .url({ protocol: /^https$/ })
  .max(300)
  .refine((u) => {
    const url = new URL(u);
    return url.pathname === '/' && url.search === '' && url.hash === '' && url.username === '' && url.password === '';
  });

const targetSchema = z
  .object({ vault: z.string().min(1).optional(), server: z.string().optional(), serverFingerprint: z.string().optional() })
  .superRefine((o, ctx) => {
    const issue = (message: keyof typeof en.errors) => ctx.addIssue({ code: 'custom', message });
    if (o.vault !== undefined && o.server !== undefined) return issue('cliTargetBoth');
    if (o.vault === undefined && o.server === undefined) return issue(o.serverFingerprint !== undefined ? 'cliFingerprintWithoutServer' : 'cliTargetMissing');
    if (o.vault !== undefined && o.serverFingerprint !== undefined) return issue('cliFingerprintWithoutServer');
    if (o.server !== undefined) {
      if (!serverUrlSchema.safeParse(o.server).success) return issue('cliServerUrl');
      if (o.serverFingerprint === undefined) return issue('cliFingerprintMissing');
      if (!parseFingerprintInput(o.serverFingerprint)) return issue('serverFingerprintMismatch');
    }
    return undefined;
  });

/** `--vault` or `--server` with its fingerprint, checked; a usage error (exit 2) names what is wrong. */
export function targetOf(o: TargetOptions): Target {
  const parsed = targetSchema.safeParse({ vault: o.vault, server: o.server, serverFingerprint: o.serverFingerprint });
  if (!parsed.success) {
    const key = (parsed.error.issues[0]?.message ?? 'cliTargetMissing') as keyof typeof en.errors;
    throw usage(key in en.errors ? key : 'cliTargetMissing');
  }
  const v = parsed.data;
  if (v.server !== undefined && v.serverFingerprint !== undefined) {
    return { kind: 'server', url: new URL(v.server).origin, fingerprint: v.serverFingerprint };
  }
  return { kind: 'vault', dir: v.vault as string };
}

/**
 * Against a server: its certificate compared with the digits now, at a handshake that sends nothing,
 * before any secret is read (a wrong fingerprint ends the command before a password is asked).
 */
export async function pinnedTarget(target: Target): Promise<Target> {
  if (target.kind === 'vault' || typeof target.fingerprint !== 'string') return target;
  return { ...target, fingerprint: await pinFromDigits(target.url, target.fingerprint) };
}

export function targetOptions(): Option[] {
  return [
    new Option('--vault <dir>', 'the vault folder on this machine (or --server)').argParser((value) => {
      if (value.trim().length === 0 || value.includes('\0')) throw new InvalidArgumentError('Give a path.');
      return resolve(value);
    }),
    new Option('--server <url>', 'the office server, https://HOST:PORT (team mode; instead of --vault)'),
    new Option('--server-fingerprint <digits>', "the 60 digits of the server's certificate, as the server printed them"),
  ];
}

/**
 * For commands that only make sense on a vault folder here (init, restore, recover, status, serve):
 * `--server` is accepted only to say so clearly, before anything else happens.
 */
export function localOnlyOptions(command: string): Option[] {
  const refuse = (): never => {
    throw usage('cliLocalOnly', { command: `passerelle ${command}` });
  };
  return [new Option('--server <url>').hideHelp().argParser(refuse), new Option('--server-fingerprint <digits>').hideHelp().argParser(refuse)];
}

/** A signed-in session on the target: channels called through its router, errors thrown as AppError. */
export interface CliSession {
  readonly target: Target;
  readonly user: SessionUser;
  call<C extends Channel>(channel: C, input: In<C>): Promise<Out<C>>;
}

function thrown(error: ErrorPayload): AppError {
  return new AppError(error.code, error.key, error.params, error.details);
}

function valueOf<T>(result: Result<unknown>): T {
  if (!result.ok) throw thrown(result.error);
  return result.value as T;
}

export function openLocalCore(ctx: Context, vaultDir: string): Core {
  return createCore({ vaultDir, migrationsFolder: MIGRATIONS_DIR, clock: systemClock, logger: ctx.logger, prefs: memoryPreferences() });
}

/**
 * Signs in as `username` on the target (the password is the next secret, or `password` when the
 * command already asked it), runs `fn`, and signs out (embedded: locks and closes the vault).
 */
export async function withCliSession<T>(
  ctx: Context,
  target: Target,
  username: string,
  secrets: SecretReader,
  fn: (session: CliSession) => Promise<T>,
  options: { passwordPrompt?: string } = {},
): Promise<T> {
  const prompt = options.passwordPrompt ?? `password of ${username}`;
  if (target.kind === 'vault') {
    readKeySlotFile(target.dir); // a missing or damaged vault fails before anyone types a password
    const password = await secrets.ask(prompt);
    const core = openLocalCore(ctx, target.dir);
    try {
      const user = valueOf<SessionUser>(await core.router.call('session.unlock', { username, password }));
      return await fn({ target, user, call: async (channel, input) => valueOf(await core.router.call(channel, input)) });
    } finally {
      core.dispose();
    }
  }
  // The certificate is compared with the digits before the password is even asked.
  const remote = await RemoteRouter.connect({ url: target.url, fingerprint: (await pinnedTarget(target) as { fingerprint: Pin }).fingerprint, retryForMs: 10_000 });
  try {
    const password = await secrets.ask(prompt);
    const user = valueOf<SessionUser>(await remote.call('session.unlock', { username, password }));
    try {
      return await fn({ target, user, call: async (channel, input) => valueOf(await remote.call(channel, input)) });
    } finally {
      await remote.call('session.lock', {}).catch(() => undefined);
    }
  } finally {
    remote.close();
  }
}
