/**
 * `passerelle serve`: runs the office server on a vault folder (docs/team-server.md, docs/cli.md).
 * An administrator unlocks the vault at start; the data key then stays in this process only. The
 * command prints the address and the certificate's fingerprint (12 groups of 5 digits) that each
 * desktop types in to connect, and runs until SIGTERM or SIGINT, when it lets running requests
 * finish, signs everyone out, checkpoints and closes the vault.
 */
import { dirname, join } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { z } from 'zod';
import { MIGRATIONS_DIR } from '../../db/migrations-dir';
import { systemClock } from '../core/ports';
import { readKeySlotFile } from '../core/vault/keyslot-file';
import { readServerKeyFile } from '../core/vault/server-slot';
import { usernameSchema } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import { en } from '../../shared/i18n/en';
import { startTeamServer, type TeamServer } from '../server/serve';
import { formatFingerprint } from '../../shared/handover/fingerprint';
import { UsageError } from './cli-errors';
import type { CliKit, Context } from './cli-kit';

export const DEFAULT_LISTEN = '127.0.0.1:8443';

const listenSchema = z.string().regex(/^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/);

/** "HOST:PORT" or "[IPv6]:PORT". */
export function parseListen(value: string): { host: string; port: number } {
  const parsed = listenSchema.safeParse(value);
  if (!parsed.success) throw new InvalidArgumentError('Use HOST:PORT, for example 127.0.0.1:8443 or [::1]:8443.');
  const i = value.lastIndexOf(':');
  const host = value.slice(0, i).replace(/^\[|\]$/g, '');
  const port = Number(value.slice(i + 1));
  if (!(port >= 0 && port <= 65535)) throw new InvalidArgumentError('The port is a number from 1 to 65535.');
  return { host, port };
}

/** Resolves at the first SIGTERM or SIGINT. */
function untilStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const on = (signal: NodeJS.Signals) => {
      process.off('SIGTERM', on);
      process.off('SIGINT', on);
      resolve(signal);
    };
    process.on('SIGTERM', on);
    process.on('SIGINT', on);
  });
}

export function registerServeCommands(program: Command, ctx: Context, kit: CliKit, waitForStop: () => Promise<unknown> = untilStopSignal): void {
  const serve = program.command('serve');
  for (const option of kit.localOnlyOptions('serve')) serve.addOption(option);
  serve
    .description('Run the office server: desktops and the CLI connect to this vault over pinned TLS (team mode).')
    .addOption(kit.vaultOption())
    .addOption(new Option('--listen <host:port>', 'address to listen on; another address than loopback must be given explicitly').default(DEFAULT_LISTEN).argParser(parseListen))
    .addOption(new Option('--user <name>', 'the administrator who unlocks the vault for the server (or --key-file)'))
    .addOption(
      new Option('--key-file <file>', "unattended start: the server key file made by 'passerelle server-key create' (owned by this account, mode 0400 or 0600)").argParser(kit.pathArg),
    )
    .addOption(kit.stdinOption())
    .addOption(new Option('--cert <file>', "the organisation's certificate (PEM) instead of the server's own").argParser(kit.pathArg))
    .addOption(new Option('--key <file>', 'the private key (PEM) of --cert').argParser(kit.pathArg))
    .addOption(
      new Option('--backup-dir <dir>', "where administrators' backups through the server are written (default: a folder 'backups' beside the vault)").argParser(kit.pathArg),
    )
    .addOption(new Option('--json', 'print {"url","fingerprint":{"hex","display"}} once listening'))
    .addHelpText('after', kit.stdinOrder(['the password of --user (an administrator)']))
    .action(async (o: { vault: string; listen: { host: string; port: number } | string; user?: string; keyFile?: string; passwordStdin?: boolean; cert?: string; key?: string; backupDir?: string; json?: boolean }) => {
      if ((o.cert === undefined) !== (o.key === undefined)) throw new UsageError('--cert and --key go together');
      const listen = typeof o.listen === 'string' ? parseListen(o.listen) : o.listen;
      if ((o.user === undefined) === (o.keyFile === undefined)) throw new UsageError('give --user (an administrator types the password) or --key-file (unattended start), not both');
      const user = o.user === undefined ? undefined : usernameSchema.safeParse(o.user);
      if (user && !user.success) throw new UsageError(`option '--user <name>' argument '${o.user ?? ''}' is invalid. ${en.validation.username}`);
      const slots = readKeySlotFile(o.vault); // a missing or damaged vault fails before anyone types a password
      let unlock: { username: string; password: string } | { serverKey: string };
      if (o.keyFile) {
        // Refused unless owned by this account and readable by it only (core/vault/server-slot.ts).
        const keyFile = readServerKeyFile(o.keyFile);
        if (keyFile.vaultId !== slots.vaultId) throw new AppError('VALIDATION', 'serverKeyFileInvalid');
        unlock = { serverKey: keyFile.secret };
      } else {
        const username = (user as { data: string }).data;
        unlock = { username, password: await kit.withSecrets(ctx, o.passwordStdin, (secrets) => secrets.ask(`password of ${username}`)) };
      }
      // Listening for SIGTERM before the server starts: a stop sent as soon as it is up (systemd,
      // a script that read the JSON line) drains and closes the vault instead of killing the process.
      const stopped = waitForStop();
      const server: TeamServer = await startTeamServer({
        vaultDir: o.vault,
        migrationsFolder: MIGRATIONS_DIR,
        host: listen.host,
        port: listen.port,
        ...unlock,
        clock: systemClock,
        logger: ctx.logger,
        backupDir: o.backupDir ?? join(dirname(o.vault), 'backups'),
        ...(o.cert && o.key ? { certFile: o.cert, keyFile: o.key } : {}),
      });
      if (o.json) {
        ctx.io.stdout.write(`${JSON.stringify({ url: server.url, fingerprint: server.fingerprint })}\n`);
      } else {
        const digits = server.fingerprint.display.replace(/ /g, '');
        kit.print(
          ctx,
          [
            `Office server listening on ${server.url}`,
            server.certificateCreated ? 'A new certificate was made for this server.' : '',
            'Certificate fingerprint (each desktop types these digits to connect):',
            formatFingerprint(digits, 4),
            'Stop with Ctrl+C or SIGTERM.',
          ]
            .filter(Boolean)
            .join('\n'),
        );
      }
      await stopped;
      await server.stop();
      if (!o.json) kit.print(ctx, 'Office server stopped; the vault is closed.');
    });
}
