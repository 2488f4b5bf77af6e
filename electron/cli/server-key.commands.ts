/**
 * `passerelle server-key create | remove`: the office server's own key slot, for an unattended
 * start (docs/team-server.md "Unattended start", docs/cli.md). Run on the server machine, on the
 * vault folder, while the server is stopped: an administrator's password makes the slot (audited)
 * and its secret is written once to a new file readable by this account only (0400), which
 * `passerelle serve --key-file FILE` reads. `remove` takes the slot away and re-keys the vault,
 * so that file opens nothing any more.
 */
import { chmodSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { AppError, isAppError } from '../../shared/errors';
import { writeNewFileSync } from '../core/files/exclusive-file';
import { readKeySlotFile } from '../core/vault/keyslot-file';
import { serverKeyFileText } from '../core/vault/server-slot';
import { CliError } from './cli-errors';
import type { CliKit, Context } from './cli-kit';
import { openLocalCore } from './cli-session';

const ADMIN_ORDER = ["the administrator's password (--user)"];

export function registerServerKeyCommands(program: Command, ctx: Context, kit: CliKit): void {
  const serverKey = program.command('server-key').description("the office server's key slot for an unattended start: server-key create | remove");

  const create = serverKey.command('create');
  for (const option of kit.localOnlyOptions('server-key create')) create.addOption(option);
  create
    .description("make the server's key slot and write its secret to a new file readable by this account only (administrators; server stopped)")
    .addOption(kit.vaultOption())
    .addOption(kit.userOption())
    .addOption(new Option('--out <file>', 'the key file to create (must not exist); keep it on the server, owned by the account that runs it').makeOptionMandatory().argParser(kit.pathArg))
    .addOption(kit.stdinOption())
    .addOption(new Option('--json', 'print {"file","replaced"} on standard output'))
    .addHelpText('after', kit.stdinOrder(ADMIN_ORDER))
    .action(async (o: { vault: string; user: string; out: string; passwordStdin?: boolean; json?: boolean }) => {
      readKeySlotFile(o.vault);
      await kit.withSecrets(ctx, o.passwordStdin, async (secrets) => {
        const password = await secrets.ask(`password of ${o.user}`);
        const core = openLocalCore(ctx, o.vault);
        try {
          await core.vault.unlock(o.user, password);
          core.vault.requireRole('admin');
          const replaced = core.vault.hasServerSlot();
          const { secret } = await core.vault.addServerSlot(password);
          try {
            writeNewFileSync(o.out, serverKeyFileText(core.vault.keySlots().vaultId, secret));
            chmodSync(o.out, 0o400);
          } catch (e) {
            // Without its file the new slot is useless: take it away again.
            await core.vault.removeServerSlot();
            if (isAppError(e)) throw e;
            if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new AppError('CONFLICT', 'fileExists');
            throw new CliError(`Cannot write ${o.out}.`);
          }
          if (o.json) return kit.printJson(ctx, { file: o.out, replaced });
          kit.print(
            ctx,
            [
              `Server key written to ${o.out} (mode 0400).${replaced ? ' The previous server key no longer opens the vault.' : ''}`,
              'Anyone who can read this file (and root on this machine) can open the vault without a password.',
              'Start the server with: passerelle serve --vault ... --key-file ' + o.out,
            ].join('\n'),
          );
        } finally {
          core.dispose();
        }
      });
    });

  const remove = serverKey.command('remove');
  for (const option of kit.localOnlyOptions('server-key remove')) remove.addOption(option);
  remove
    .description("remove the server's key slot: its key file no longer opens the vault, which is re-keyed (administrators; server stopped)")
    .addOption(kit.vaultOption())
    .addOption(kit.userOption())
    .addOption(kit.stdinOption())
    .addOption(new Option('--json', 'print {"removed"} on standard output'))
    .addHelpText('after', kit.stdinOrder(ADMIN_ORDER))
    .action(async (o: { vault: string; user: string; passwordStdin?: boolean; json?: boolean }) => {
      readKeySlotFile(o.vault);
      await kit.withSecrets(ctx, o.passwordStdin, async (secrets) => {
        const password = await secrets.ask(`password of ${o.user}`);
        const core = openLocalCore(ctx, o.vault);
        try {
          await core.vault.unlock(o.user, password);
          core.vault.requireRole('admin');
          const removed = await core.vault.removeServerSlot();
          if (o.json) return kit.printJson(ctx, { removed });
          kit.print(ctx, removed ? 'Server key slot removed; the vault was re-keyed, so the key file opens nothing.' : 'This vault has no server key slot.');
        } finally {
          core.dispose();
        }
      });
    });
}
