/**
 * The `passerelle` admin command line: the commands, their options and what they print.
 * It runs on the same core services as the app (createCore), in plain Node.
 * Every option value is validated with the domain's zod schemas while the command line is parsed:
 * a bad value is a usage error (exit 2) and nothing is touched. See docs/cli.md.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import type { z } from 'zod';
import { MIGRATIONS_DIR } from '../../db/migrations-dir';
import {
  COUNTRIES,
  PASSWORD_MIN_LENGTH,
  ROLES,
  countrySchema,
  displayNameSchema,
  organisationNameSchema,
  passwordSchema,
  roleSchema,
  usernameSchema,
  type Country,
  type Role,
} from '../../shared/domain';
import { AppError, interpolate } from '../../shared/errors';
import { en } from '../../shared/i18n/en';
import { recoveryKeyInputSchema, type UserSummary } from '../../shared/ipc/contract';
import { serverBackupInputSchema } from '../../shared/team/team-channels.schema';
import { createCore, type Core } from '../core/app-core';
import type { KdfProfile } from '../core/crypto/kdf';
import { memoryPreferences, systemClock, type Logger } from '../core/ports';
import { checkBackupTarget, checkRestoreTarget, createBackup, restoreBackup } from '../core/vault/backup';
import { dirLockHeld } from '../core/vault/dir-lock';
import { readKeySlotFile, vaultExists } from '../core/vault/keyslot-file';
import { Lockout } from '../core/vault/lockout';
import { CliError, UsageError, oneLine } from './cli-errors';
import { registerCaseworkCommands } from './casework.commands';
import { registerHandoverCommands } from './handover.commands';
import { registerImportCommands } from './import.commands';
import { registerPersonCommands } from './persons.commands';
import { registerReminderCommands } from './reminders.commands';
import { registerStatsCommands } from './stats.commands';
import { registerServeCommands } from './serve.commands';
import { registerServerKeyCommands } from './server-key.commands';
import { secretReader, type SecretReader } from './secrets';
import { localOnlyOptions, openLocalCore, pinnedTarget, targetOf, targetOptions, withCliSession, type CliSession, type TargetOptions } from './cli-session';
import type { CliIo, CliKit, Context } from './cli-kit';

export type { CliIo, Context } from './cli-kit';

/**
 * The core's logger in the CLI: silent unless --verbose, so that a failure prints one line only.
 * Core log events carry codes and counts, never personal data; with --verbose, unexpected errors
 * also print their stack.
 */
export function cliLogger(stderr: NodeJS.WritableStream, verbose: () => boolean): Logger {
  const meta = (m?: Record<string, string | number | boolean>) =>
    m ? ` ${Object.entries(m).map(([k, v]) => `${k}=${String(v)}`).join(' ')}` : '';
  return {
    info: (event, m) => void (verbose() && stderr.write(`[info] ${event}${meta(m)}\n`)),
    warn: (event, m) => void (verbose() && stderr.write(`[warn] ${event}${meta(m)}\n`)),
    error: (event, e) => void (verbose() && stderr.write(`[error] ${event}${e instanceof Error ? ` ${e.stack ?? e.name}` : ''}\n`)),
  };
}

// ---------------------------------------------------------------- option values

function schemaArg<T>(schema: z.ZodType<T>, explain: string): (value: string) => T {
  return (value: string) => {
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw new InvalidArgumentError(explain);
    return parsed.data;
  };
}

const usernameArg = schemaArg(usernameSchema, en.validation.username);
const displayNameArg = schemaArg(displayNameSchema, 'Use 1 to 80 characters.');
const organisationArg = schemaArg(organisationNameSchema, 'Use 2 to 120 characters.');
const countryArg = (value: string): Country => schemaArg(countrySchema, `Use ${COUNTRIES.join(', ')}.`)(value.toUpperCase());
const roleArg = schemaArg(roleSchema, `Use ${ROLES.join(', ')}.`);
const rawPathArg = (value: string): string => {
  if (value.trim().length === 0 || value.includes('\0')) throw new InvalidArgumentError('Give a path.');
  return value;
};
const pathArg = (value: string): string => resolve(rawPathArg(value));

const vaultOption = () => new Option('--vault <dir>', 'the vault folder').makeOptionMandatory().argParser(pathArg);
const userOption = (what = 'the staff member who unlocks the vault (an administrator)') =>
  new Option('--user <name>', what).makeOptionMandatory().argParser(usernameArg);
const stdinOption = () => new Option('--password-stdin', 'read passwords from standard input, one per line (order below)');
const jsonOption = () => new Option('--json', 'print the result as JSON on standard output');

function stdinOrder(lines: string[]): string {
  return `\nWith --password-stdin, standard input gives, one per line:\n${lines.map((l, i) => `  ${i + 1}. ${l}`).join('\n')}\n`;
}

// ---------------------------------------------------------------- helpers

function openCore(ctx: Context, vaultDir: string, kdfProfile?: KdfProfile): Core {
  return createCore({
    vaultDir,
    migrationsFolder: MIGRATIONS_DIR,
    clock: systemClock,
    logger: ctx.logger,
    prefs: memoryPreferences(),
    ...(kdfProfile ? { kdfProfile } : {}),
  });
}

function print(ctx: Context, text: string): void {
  ctx.io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

function printJson(ctx: Context, value: unknown): void {
  ctx.io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

function checkNewPassword(password: string): string {
  const parsed = passwordSchema.safeParse(password);
  if (parsed.success) return parsed.data;
  if (password.length < PASSWORD_MIN_LENGTH) {
    throw new CliError(`The new password is too short. ${interpolate(en.validation.tooShort, { minimum: PASSWORD_MIN_LENGTH })}`);
  }
  throw new CliError(`The new password is too long. ${interpolate(en.validation.tooLong, { maximum: 256 })}`);
}

async function withSecrets<T>(ctx: Context, passwordStdin: boolean | undefined, fn: (secrets: SecretReader) => Promise<T>): Promise<T> {
  const secrets = secretReader(passwordStdin === true, ctx.io.stdin, ctx.io.stderr);
  try {
    return await fn(secrets);
  } finally {
    secrets.close();
  }
}

/** Secrets, then a session on `--vault` or `--server` (cli-session.ts), then `fn`. */
async function withTarget<T>(
  ctx: Context,
  o: TargetOptions & { user: string; passwordStdin?: boolean | undefined },
  fn: (session: CliSession) => Promise<T>,
): Promise<T> {
  const target = await pinnedTarget(targetOf(o));
  return withSecrets(ctx, o.passwordStdin, (secrets) => withCliSession(ctx, target, o.user, secrets, fn));
}

/** Adds `--vault`, `--server` and `--server-fingerprint` to a command. */
function addTarget(command: Command): Command {
  for (const option of targetOptions()) command.addOption(option);
  return command;
}

/** Adds the hidden `--server` options of a command that works on a vault folder here only. */
function addLocalOnly(command: Command): Command {
  for (const option of localOnlyOptions(command.name())) command.addOption(option);
  return command;
}

function pad(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join('  ')).join('\n');
}

function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

// ---------------------------------------------------------------- the program

export function buildProgram(ctx: Context): Command {
  const program = new Command('passerelle')
    .description('Administration of a Passerelle vault: set-up, staff accounts, backups, audit trail.')
    .version(packageVersion(), '-V, --version')
    .option('--verbose', 'log event codes (and stacks of unexpected errors) on standard error')
    .exitOverride()
    .hook('preAction', (command) => {
      ctx.verbose = command.optsWithGlobals<{ verbose?: boolean }>().verbose === true;
    })
    .configureOutput({
      writeOut: (s) => ctx.io.stdout.write(s),
      writeErr: (s) => ctx.io.stderr.write(s),
      outputError: (s, write) => write(`${oneLine(s)}\n`),
    })
    .addHelpText(
      'after',
      `
Passwords are never taken from the command line: they are asked on the terminal (without echo),
or read from standard input with --password-stdin, one per line, in the order each command lists.

Exit codes: 0 success; 1 the operation failed (one line on standard error); 2 usage error
(unknown command or option, a missing option, an option value that is not valid, no way to read
a password). See docs/cli.md.`,
    );

  // ------------------------------------------------------------ init
  addLocalOnly(program.command('init'))
    .description('create a new vault and its first administrator; prints the recovery key once')
    .addOption(vaultOption())
    .addOption(new Option('--org <name>', 'organisation name').makeOptionMandatory().argParser(organisationArg))
    .addOption(new Option('--country <code>', `country whose rules apply: ${COUNTRIES.join('|')}`).makeOptionMandatory().argParser(countryArg))
    .addOption(new Option('--admin <name>', 'user name of the first administrator').makeOptionMandatory().argParser(usernameArg))
    .addOption(new Option('--display-name <name>', 'display name of the first administrator (default: the user name)').argParser(displayNameArg))
    .addOption(
      new Option('--kdf <profile>', 'password hashing cost: calibrated to about 1 s on this machine, or the minimum (64 MiB, t=3, p=4)')
        .choices(['calibrated', 'minimum'])
        .default('calibrated'),
    )
    .addOption(stdinOption())
    .addOption(jsonOption())
    .addHelpText('after', stdinOrder(['the first administrator\'s password (on a terminal it is asked twice)']))
    .action(async (o: { vault: string; org: string; country: Country; admin: string; displayName?: string; kdf: KdfProfile; passwordStdin?: boolean; json?: boolean }) => {
      if (vaultExists(o.vault)) throw new AppError('CONFLICT', 'vaultExists');
      await withSecrets(ctx, o.passwordStdin, async (secrets) => {
        const password = checkNewPassword(await secrets.askNew(`password for ${o.admin}`));
        const core = openCore(ctx, o.vault, o.kdf);
        try {
          const { recoveryKey } = await core.vault.create({
            organisationName: o.org,
            country: o.country,
            admin: { username: o.admin, displayName: o.displayName ?? o.admin, password },
          });
          if (o.json) return printJson(ctx, { recoveryKey });
          print(
            ctx,
            [
              `Vault created in ${o.vault} for ${o.org} (${o.country}); first administrator: ${o.admin}.`,
              '',
              'Recovery key (shown only this once):',
              '',
              `    ${recoveryKey}`,
              '',
              'Print it or write it down now, and keep it in a locked place away from this computer.',
              "It is the only way back in if the administrators' passwords are lost; anyone who has it",
              "and a copy of the vault can reset an administrator's password. It cannot be shown again.",
            ].join('\n'),
          );
        } finally {
          core.dispose();
        }
      });
    });

  // ------------------------------------------------------------ status
  addLocalOnly(program.command('status'))
    .description('show what the key-slot file says about a vault, without unlocking it')
    .addOption(vaultOption())
    .addOption(jsonOption())
    .action((o: { vault: string; json?: boolean }) => {
      if (!vaultExists(o.vault)) {
        if (o.json) return printJson(ctx, { vault: o.vault, exists: false });
        return print(ctx, `No vault in ${o.vault}.`);
      }
      const file = readKeySlotFile(o.vault);
      const lockout = new Lockout(o.vault);
      const status = {
        vault: o.vault,
        exists: true,
        vaultId: file.vaultId,
        keySlots: file.slots.length,
        userSlots: file.slots.filter((s) => s.kind === 'user').length,
        recoverySlots: file.slots.filter((s) => s.kind === 'recovery').length,
        generation: file.generation,
        pendingGeneration: file.pendingGeneration,
        kdf: { alg: 'argon2id', ...file.kdfCost },
        auditSeq: file.audit.seq,
        failedUnlocks: lockout.pending().length,
        unlockDelaySeconds: lockout.longestDelaySeconds(new Date()),
        inUse: dirLockHeld(o.vault),
      };
      if (o.json) return printJson(ctx, status);
      const k = status.kdf;
      print(
        ctx,
        pad([
          ['Vault', status.vault],
          ['Vault id', status.vaultId],
          ['Key slots', `${status.keySlots} (${status.userSlots} staff, ${status.recoverySlots} recovery)`],
          ['Data-key generation', `${status.generation}${status.pendingGeneration ? ` (re-key to ${status.pendingGeneration} pending: finished at next unlock)` : ''}`],
          ['Password hashing', `argon2id, ${k.memoryKiB / 1024} MiB, t=${k.iterations}, p=${k.parallelism}`],
          ['Audit entries anchored', String(status.auditSeq)],
          ['Failed unlocks', String(status.failedUnlocks)],
          ['Unlock delay', status.unlockDelaySeconds > 0 ? `${status.unlockDelaySeconds} s` : 'none'],
          ['In use', status.inUse ? 'yes, by a running Passerelle program' : 'no'],
        ]) + '\n(Read without unlocking: the key-slot file is checksummed here, authenticated only at unlock.)',
      );
    });

  // ------------------------------------------------------------ user
  const user = program.command('user').description('staff accounts: user add | list | disable | passwd');

  addTarget(user.command('add'))
    .description('add a staff member with an initial password (administrators)')
    .addOption(userOption())
    .addOption(new Option('--username <name>', 'user name of the new staff member').makeOptionMandatory().argParser(usernameArg))
    .addOption(new Option('--display-name <name>', 'display name of the new staff member').makeOptionMandatory().argParser(displayNameArg))
    .addOption(new Option('--role <role>', `role: ${ROLES.join('|')}`).makeOptionMandatory().argParser(roleArg))
    .addOption(stdinOption())
    .addOption(jsonOption())
    .addHelpText('after', stdinOrder(["the administrator's password (--user)", "the new staff member's initial password (on a terminal it is asked twice)"]))
    .action(async (o: TargetOptions & { user: string; username: string; displayName: string; role: Role; passwordStdin?: boolean; json?: boolean }) => {
      const target = await pinnedTarget(targetOf(o));
      await withSecrets(ctx, o.passwordStdin, (secrets) =>
        withCliSession(ctx, target, o.user, secrets, async (session) => {
          if (session.user.role !== 'admin') throw new AppError('FORBIDDEN', 'forbidden');
          const password = checkNewPassword(await secrets.askNew(`initial password for ${o.username}`));
          const added = await session.call('users.add', { username: o.username, displayName: o.displayName, role: o.role, password });
          if (o.json) return printJson(ctx, added);
          print(ctx, `Added ${added.username} (${added.role}).`);
        }),
      );
    });

  addTarget(user.command('list'))
    .description('list the staff accounts (administrators)')
    .addOption(userOption())
    .addOption(stdinOption())
    .addOption(jsonOption())
    .addHelpText('after', stdinOrder(["the administrator's password (--user)"]))
    .action(async (o: TargetOptions & { user: string; passwordStdin?: boolean; json?: boolean }) => {
      await withTarget(ctx, o, async (session) => {
        const users: UserSummary[] = await session.call('users.list', {});
        if (o.json) return printJson(ctx, users);
        print(
          ctx,
          pad([
            ['USERNAME', 'ROLE', 'STATUS', 'CREATED', 'DISPLAY NAME'],
            ...users.map((u) => [u.username, u.role, u.status, u.createdAt.slice(0, 10), u.displayName]),
          ]),
        );
      });
    });

  addTarget(user.command('disable'))
    .description('disable a staff account: removes its key slot and re-keys the vault (administrators)')
    .addOption(userOption())
    .addOption(new Option('--username <name>', 'user name of the account to disable').makeOptionMandatory().argParser(usernameArg))
    .addOption(stdinOption())
    .addOption(jsonOption())
    .addHelpText('after', stdinOrder(["the administrator's password (--user)"]))
    .action(async (o: TargetOptions & { user: string; username: string; passwordStdin?: boolean; json?: boolean }) => {
      await withTarget(ctx, o, async (session) => {
        const target = (await session.call('users.list', {})).find((u) => u.username === o.username);
        if (!target) throw new CliError(`There is no user named ${o.username} in this vault.`);
        const already = target.status === 'disabled';
        if (!already) await session.call('users.disable', { userId: target.id });
        const { generation } = await session.call('vault.keyGeneration', {});
        if (o.json) return printJson(ctx, { username: target.username, status: 'disabled', alreadyDisabled: already, generation });
        print(
          ctx,
          already
            ? `${target.username} was already disabled.`
            : `Disabled ${target.username}. The vault was re-keyed (data-key generation ${generation}): their password and the old key no longer open it.`,
        );
      });
    });

  addTarget(user.command('passwd'))
    .description('change your own password (any role)')
    .addOption(userOption('your user name'))
    .addOption(stdinOption())
    .addOption(jsonOption())
    .addHelpText('after', stdinOrder(['your current password', 'your new password (on a terminal it is asked twice)']))
    .action(async (o: TargetOptions & { user: string; passwordStdin?: boolean; json?: boolean }) => {
      const target = await pinnedTarget(targetOf(o));
      await withSecrets(ctx, o.passwordStdin, async (secrets) => {
        // The current password signs in and is asked once; it is given again to the change itself.
        let current = '';
        const remembering: SecretReader = { ...secrets, ask: async (what) => (current = await secrets.ask(what)) };
        await withCliSession(
          ctx,
          target,
          o.user,
          remembering,
          async (session) => {
            const next = checkNewPassword(await secrets.askNew('new password'));
            await session.call('users.changePassword', { currentPassword: current, newPassword: next });
          },
          { passwordPrompt: `current password of ${o.user}` },
        );
        if (o.json) return printJson(ctx, { username: o.user, passwordChanged: true });
        print(ctx, `Password of ${o.user} changed.`);
      });
    });

  // ------------------------------------------------------------ backup and restore
  addTarget(program.command('backup'))
    .description('write a consistent, still-encrypted backup of the vault to one file (administrators)')
    .addOption(userOption())
    .addOption(
      new Option('--out <file>', "the backup file to create (must not exist); with --server, a file name in the server's backup folder")
        .makeOptionMandatory()
        .argParser(rawPathArg),
    )
    .addOption(stdinOption())
    .addOption(jsonOption())
    .addHelpText('after', stdinOrder(["the administrator's password (--user)"]))
    .action(async (o: TargetOptions & { user: string; out: string; passwordStdin?: boolean; json?: boolean }) => {
      const target = await pinnedTarget(targetOf(o));
      if (target.kind === 'vault') checkBackupTarget(resolve(o.out));
      else if (!serverBackupInputSchema.shape.name.safeParse(o.out).success) {
        throw new UsageError("with --server, --out is a file name (letters, digits, '.', '-', '_') in the server's backup folder, not a path");
      }
      await withSecrets(ctx, o.passwordStdin, async (secrets) => {
        const started = performance.now();
        let written: { file: string; vaultId: string; createdAt: string; auditSeq: number; bytes: number };
        if (target.kind === 'vault') {
          // A file on this machine: made by this process, which holds the vault meanwhile.
          readKeySlotFile(target.dir);
          const password = await secrets.ask(`password of ${o.user}`);
          const core = openLocalCore(ctx, target.dir);
          try {
            await core.vault.unlock(o.user, password);
            const result = await createBackup(core.vault, resolve(o.out));
            const m = result.manifest;
            written = { file: result.file, vaultId: m.vaultId, createdAt: m.createdAt, auditSeq: m.auditSeq, bytes: result.bytes };
          } finally {
            core.dispose();
          }
        } else {
          // Written by the server into its backup folder (docs/team-server.md "Backups").
          written = await withCliSession(ctx, target, o.user, secrets, (session) => session.call('vault.backup', { name: o.out }));
        }
        const ms = Math.round(performance.now() - started);
        if (o.json) return printJson(ctx, { ...written, milliseconds: ms });
        print(ctx, `Backup written to ${written.file} (${written.bytes} bytes, audit entry ${written.auditSeq}, ${ms} ms). It is encrypted like the vault.`);
      });
    });

  addLocalOnly(program.command('restore'))
    .description('restore a backup into a vault folder, after unlocking and checking the restored copy')
    .addOption(new Option('--from <file>', 'the backup file').makeOptionMandatory().argParser(pathArg))
    .addOption(vaultOption())
    .addOption(userOption('an administrator of the backed-up vault, who unlocks the restored copy to check it'))
    .addOption(new Option('--force', 'replace a non-empty folder: the old one is moved to <dir>.before-restore-<time>, never deleted'))
    .addOption(stdinOption())
    .addOption(jsonOption())
    .addHelpText('after', stdinOrder(["the administrator's password in the backed-up vault (--user)"]))
    .action(async (o: { from: string; vault: string; user: string; force?: boolean; passwordStdin?: boolean; json?: boolean }) => {
      checkRestoreTarget(o.vault, o.force === true);
      await withSecrets(ctx, o.passwordStdin, async (secrets) => {
        const password = await secrets.ask(`password of ${o.user} in the backed-up vault`);
        let auditEntries = 0;
        const result = await restoreBackup(o.from, o.vault, {
          force: o.force === true,
          verify: async (stagingDir) => {
            const core = openCore(ctx, stagingDir);
            try {
              // Unlocking checks the key-slot MAC, every database page and the audit anchor.
              await core.vault.unlock(o.user, password);
              core.vault.requireRole('admin');
              const verification = core.audit.verify();
              if (!verification.ok) {
                const seq = verification.firstBrokenSeq ?? 0;
                throw new AppError('INTERNAL', 'auditBroken', { seq }, { seq, ...(verification.reason ? { reason: verification.reason } : {}) });
              }
              auditEntries = verification.entries;
              const admin = core.vault.requireRole('admin');
              core.vault.write(({ audit }) => audit({ actorId: admin.id, actorName: admin.username, action: 'vault.restore' }));
            } finally {
              core.dispose();
            }
          },
        });
        const m = result.manifest;
        if (o.json) {
          return printJson(ctx, { vault: result.vaultDir, vaultId: m.vaultId, createdAt: m.createdAt, auditSeq: m.auditSeq, auditEntries, movedAside: result.movedAside });
        }
        print(
          ctx,
          `Restored the backup of ${m.createdAt} into ${result.vaultDir} (vault id ${m.vaultId}); it unlocks and its audit trail (${auditEntries} entries) is intact.` +
            (result.movedAside ? `\nThe previous folder was moved to ${result.movedAside}.` : ''),
        );
      });
    });

  // ------------------------------------------------------------ audit
  const audit = program.command('audit').description('the audit trail: audit verify');
  addTarget(audit.command('verify'))
    .description('walk the whole hash chain against the head anchored in the key-slot file (administrators)')
    .addOption(userOption())
    .addOption(stdinOption())
    .addOption(jsonOption())
    .addHelpText('after', stdinOrder(["the administrator's password (--user)"]))
    .action(async (o: TargetOptions & { user: string; passwordStdin?: boolean; json?: boolean }) => {
      await withTarget(ctx, o, async (session) => {
        const result = await session.call('audit.verify', {});
        if (o.json) printJson(ctx, result);
        if (!result.ok) {
          const seq = result.firstBrokenSeq ?? 0;
          throw new AppError('INTERNAL', 'auditBroken', { seq }, { seq, ...(result.reason ? { reason: result.reason } : {}) });
        }
        if (!o.json) print(ctx, `Audit trail intact: ${result.entries} entries, the chain reaches the head anchored in the key-slot file.`);
      });
    });

  // ------------------------------------------------------------ recover
  addLocalOnly(program.command('recover'))
    .description("set a new password for an administrator with the vault's recovery key")
    .addOption(vaultOption())
    .addOption(new Option('--username <name>', 'the administrator whose password is reset').makeOptionMandatory().argParser(usernameArg))
    .addOption(stdinOption())
    .addOption(jsonOption())
    .addHelpText('after', stdinOrder(['the recovery key (dashes and spaces are ignored)', 'the new password (on a terminal it is asked twice)']))
    .action(async (o: { vault: string; username: string; passwordStdin?: boolean; json?: boolean }) => {
      readKeySlotFile(o.vault);
      await withSecrets(ctx, o.passwordStdin, async (secrets) => {
        const key = recoveryKeyInputSchema.safeParse(await secrets.ask('recovery key'));
        if (!key.success) throw new CliError(en.validation.recoveryKey);
        const password = checkNewPassword(await secrets.askNew(`new password for ${o.username}`));
        const core = openCore(ctx, o.vault);
        try {
          await core.vault.recover(key.data, o.username, password);
        } finally {
          core.dispose();
        }
        if (o.json) return printJson(ctx, { username: o.username, passwordReset: true });
        print(ctx, `The password of ${o.username} was reset. Unlock with the new password.`);
      });
    });

  const kit: CliKit = {
    vaultOption,
    targetOptions,
    addTarget,
    localOnlyOptions,
    withTarget,
    userOption,
    stdinOption,
    stdinOrder,
    pathArg,
    withSecrets,
    print,
    printJson,
    pad,
  };
  // Persons, procedures and deadlines: electron/cli/persons.commands.ts.
  registerPersonCommands(program, ctx, kit);
  // `person import` from a spreadsheet: electron/cli/import.commands.ts.
  registerImportCommands(program, ctx, kit);
  registerReminderCommands(program, ctx, kit);
  // Notes and their search: electron/cli/casework.commands.ts.
  registerCaseworkCommands(program, ctx, kit);
  // Keys, partners, handover packages and receipts: electron/cli/handover.commands.ts.
  registerHandoverCommands(program, ctx, kit);
  // Statistics and the access request: electron/cli/stats.commands.ts.
  registerStatsCommands(program, ctx, kit);
  // Team mode's office server: electron/cli/serve.commands.ts.
  registerServeCommands(program, ctx, kit);
  registerServerKeyCommands(program, ctx, kit);

  return program;
}

export function createContext(io: CliIo): Context {
  const ctx: Context = { io, verbose: false, logger: cliLogger(io.stderr, () => ctx.verbose) };
  return ctx;
}
