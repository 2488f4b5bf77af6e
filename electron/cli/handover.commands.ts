/**
 * CLI commands for cross-border handover: `keys card`, `partner add`,
 * `handover export | inspect | import | receipt`, `receipt import`. They unlock like every other
 * command (--user, then the password) and run on the same services as the app: the same roles,
 * the same consent rule, the same checks of packages and receipts, the same audit trail.
 * Every refusal is exit 1 and one line on standard error (docs/cli.md "Handover").
 */
import { closeSync, existsSync, fstatSync, openSync, readSync } from 'node:fs';
import { writeNewFileSync } from '../core/files/exclusive-file';
import { Command, InvalidArgumentError, Option } from 'commander';
import { HANDOVER_SECTIONS, type HandoverSection } from '../../shared/handover/package.schema';
import { MAX_KEY_CARD_BYTES } from '../../shared/handover/key-card.schema';
import { foldText } from '../../shared/directory/merge';
import { caseCodeSchema } from '../../shared/persons/case-code';
import { usernameSchema } from '../../shared/domain';
import { AppError, isAppError } from '../../shared/errors';
import { HANDOVER_PACKAGE_MAX_BYTES, HANDOVER_RECEIPT_MAX_BYTES } from '../../shared/handover/handover.ipc';
import { REJECTION_MESSAGES } from '../../shared/handover/reasons';
import { CliError, UsageError } from './cli-errors';
import type { CliKit, Context } from './cli-kit';
import type { CliSession, TargetOptions } from './cli-session';

const ANY_ROLE = ['the password of --user'];
const MANAGER = ['the password of --user (an administrator or coordinator)'];

const sectionsArg = (value: string): HandoverSection[] => {
  const list = value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  const bad = list.filter((s) => !(HANDOVER_SECTIONS as readonly string[]).includes(s));
  if (bad.length > 0 || list.length === 0 || new Set(list).size !== list.length) {
    throw new InvalidArgumentError(`Use a comma-separated list of: ${HANDOVER_SECTIONS.join(', ')} (each once).`);
  }
  return list as HandoverSection[];
};
const caseCodeArg = (value: string): string => {
  const parsed = caseCodeSchema.safeParse(value);
  if (!parsed.success) throw new InvalidArgumentError('Use a case code like PAY-2026-0007.');
  return parsed.data;
};
const daysArg = (value: string): number => {
  if (!/^\d{1,2}$/.test(value) || Number(value) < 1 || Number(value) > 30) throw new InvalidArgumentError('Use a whole number of days from 1 to 30.');
  return Number(value);
};
const packageIdArg = (value: string): string => {
  if (!/^[0-9a-fA-F]{32}$/.test(value)) throw new InvalidArgumentError('Use the 32 hexadecimal digits of the package id.');
  return value.toLowerCase();
};

/** Reads a small file whole, refusing it by its size before reading (key cards). */
function readSmallFile(path: string, maxBytes: number, tooLarge: () => Error): Buffer {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    throw new CliError(`Cannot read ${path}.`);
  }
  try {
    const size = fstatSync(fd).size;
    if (size > maxBytes) throw tooLarge();
    const buf = Buffer.alloc(size);
    let off = 0;
    while (off < size) {
      const n = readSync(fd, buf, off, size - off, off);
      if (n === 0) break;
      off += n;
    }
    return buf.subarray(0, off);
  } finally {
    closeSync(fd);
  }
}

function refuseExisting(path: string): void {
  if (existsSync(path)) throw new AppError('CONFLICT', 'fileExists');
}

/** A new file, created exclusively (never over an existing file or through a planted link), mode 0600. */
function writeNew(path: string, bytes: Uint8Array | string): void {
  try {
    writeNewFileSync(path, bytes);
  } catch (e) {
    if (isAppError(e)) throw e;
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new AppError('CONFLICT', 'fileExists');
    throw new CliError(`Cannot write ${path}.`);
  }
}

/** A package or receipt file as the channels take it: refused by its size before it is read. */
function readPackageFile(path: string, maxBytes: number): string {
  const tooLarge = () => new AppError('PACKAGE_REJECTED', 'packageRejected', { reason: REJECTION_MESSAGES.oversize.en }, { reason: 'oversize' });
  return readSmallFile(path, maxBytes, tooLarge).toString('base64');
}

/** A partner named by its organisation id, or by its name (case and accents ignored), which must be unique. */
async function partnerId(session: CliSession, to: string): Promise<string> {
  const partners = await session.call('partners.list', {});
  const byId = partners.find((p) => p.orgId === to.toLowerCase());
  if (byId) return byId.orgId;
  const byName = partners.filter((p) => foldText(p.name) === foldText(to));
  if (byName.length === 1 && byName[0]) return byName[0].orgId;
  if (byName.length > 1) throw new CliError(`Several partners are named "${to}": give the organisation id (see the app's partner list).`);
  throw new CliError(`There is no partner "${to}" in this vault. Import its key card first: passerelle partner add.`);
}

export function registerHandoverCommands(program: Command, ctx: Context, kit: CliKit): void {
  const unlocked = <T>(o: TargetOptions & { user: string; passwordStdin?: boolean }, fn: (session: CliSession) => Promise<T>) => kit.withTarget(ctx, o, fn);
  const outOption = (what: string) => new Option('--out <file>', what).makeOptionMandatory().argParser(kit.pathArg);

  // ------------------------------------------------------------ keys
  const keys = program.command('keys').description("the organisation's keys: keys card");
  kit
    .addTarget(keys.command('card'))
    .description("write the organisation's key card to a file for partners, and print its fingerprint to read out over the phone")
    .addOption(kit.userOption('the staff member who exports the card (any role)'))
    .addOption(outOption('the key card file to create (must not exist)'))
    .addOption(kit.stdinOption())
    .addOption(new Option('--json', 'print {"file","organisation","fingerprint"} on standard output'))
    .addHelpText('after', kit.stdinOrder(ANY_ROLE))
    .action(async (o: TargetOptions & { user: string; out: string; passwordStdin?: boolean; json?: boolean }) => {
      refuseExisting(o.out);
      await unlocked(o, async (session) => {
        const card = await session.call('keys.card', {});
        writeNew(o.out, Buffer.from(card.file.contentBase64, 'base64'));
        if (o.json) return kit.printJson(ctx, { file: o.out, organisation: card.organisation, fingerprint: card.fingerprint });
        kit.print(
          ctx,
          [
            `Key card of ${card.organisation.name} (${card.organisation.country}) written to ${o.out}.`,
            'Fingerprint (read it out to the partner, who compares it with the card they imported):',
            '',
            ...card.fingerprint.display.split(' ').reduce<string[]>((rows, g, i) => (i % 4 === 0 ? [...rows, `    ${g}`] : [...rows.slice(0, -1), `${rows.at(-1)} ${g}`]), []),
          ].join('\n'),
        );
      });
    });

  // ------------------------------------------------------------ partner
  const partner = program.command('partner').description('partner organisations: partner add');
  kit
    .addTarget(partner.command('add'))
    .description("import a partner's key card and mark it verified with the fingerprint the partner read out; a wrong fingerprint is refused and nothing is written")
    .argument('<file>', "the partner's key card file", kit.pathArg)
    .addOption(kit.userOption('the staff member who adds the partner (an administrator or coordinator)'))
    .addOption(new Option('--fingerprint <digits>', 'the 60 digits the partner read out (spaces and dashes ignored)').makeOptionMandatory())
    .addOption(kit.stdinOption())
    .addOption(new Option('--json', 'print {"outcome","partner"} on standard output'))
    .addHelpText('after', kit.stdinOrder(MANAGER))
    .action(async (file: string, o: TargetOptions & { user: string; fingerprint: string; passwordStdin?: boolean; json?: boolean }) => {
      const bytes = readSmallFile(file, MAX_KEY_CARD_BYTES, () => new AppError('VALIDATION', 'keyCardOversize', undefined, { reason: 'keyCard.oversize' }));
      await unlocked(o, async (session) => {
        const result = await session.call('partners.addVerified', { fileBase64: bytes.toString('base64'), fingerprint: o.fingerprint });
        if (o.json) return kit.printJson(ctx, result);
        const p = result.partner;
        kit.print(ctx, `${p.name} (${p.country}) is a verified partner (${result.outcome}); organisation id ${p.orgId}.`);
      });
    });

  // ------------------------------------------------------------ handover
  const handover = program.command('handover').description('handover packages: handover export | inspect | import | receipt');

  kit
    .addTarget(handover.command('export'))
    .description("export a person's handover package to a verified partner (starts the handover if none is open); refused unless the person's consent covers the sections and the partner")
    .addOption(kit.userOption('the staff member who exports (an administrator or coordinator)'))
    .addOption(new Option('--person <caseCode>', 'the case code, e.g. PAY-2026-0007').makeOptionMandatory().argParser(caseCodeArg))
    .addOption(new Option('--to <partner>', "the partner: its organisation id, or its name as on its key card").makeOptionMandatory())
    .addOption(new Option('--sections <list>', `comma-separated: ${HANDOVER_SECTIONS.join(', ')}`).makeOptionMandatory().argParser(sectionsArg))
    .addOption(new Option('--with-attachments', "also send every attachment of the person (the consent must cover 'attachments')"))
    .addOption(new Option('--validity-days <days>', 'how long the package can be imported, 1 to 30').default(14).argParser(daysArg))
    .addOption(outOption('the package file to create (must not exist); its name should not name the person'))
    .addOption(kit.stdinOption())
    .addOption(new Option('--json', 'print {"packageId","bytes","expiresAt","file"} on standard output'))
    .addHelpText('after', kit.stdinOrder(MANAGER))
    .action(
      async (o: TargetOptions & {
        user: string;
        person: string;
        to: string;
        sections: HandoverSection[];
        withAttachments?: boolean;
        validityDays: number;
        out: string;
        passwordStdin?: boolean;
        json?: boolean;
      }) => {
        refuseExisting(o.out);
        await unlocked(o, async (session) => {
          if (session.user.role !== 'admin' && session.user.role !== 'coordinator') throw new AppError('FORBIDDEN', 'forbidden');
          const { personId } = await session.call('persons.idByCaseCode', { caseCode: o.person });
          const orgId = await partnerId(session, o.to);
          const { handoverId } = await session.call('handover.openFor', { personId, partnerOrgId: orgId });
          const attachmentIds = o.withAttachments ? (await session.call('handover.get', { handoverId })).attachments.map((a) => a.id) : [];
          const exported = await session.call('handover.export', { handoverId, sections: o.sections, attachmentIds, note: null, validityDays: o.validityDays });
          writeNew(o.out, Buffer.from(exported.file.contentBase64, 'base64'));
          const result = { packageId: exported.packageId, bytes: exported.file.bytes, expiresAt: exported.expiresAt };
          if (o.json) return kit.printJson(ctx, { ...result, file: o.out });
          kit.print(ctx, `Package ${result.packageId} written to ${o.out} (${result.bytes} bytes); it can be imported until ${result.expiresAt}.`);
        });
      },
    );

  kit
    .addTarget(handover.command('inspect'))
    .description('check a package and show what it holds, without importing it (needs the vault: the package is encrypted to it)')
    .argument('<file>', 'the package file', kit.pathArg)
    .addOption(kit.userOption('the staff member who inspects (an administrator or coordinator)'))
    .addOption(kit.stdinOption())
    .addOption(new Option('--json', 'print the whole preview, with the sections, on standard output'))
    .addHelpText('after', kit.stdinOrder(MANAGER))
    .action(async (file: string, o: TargetOptions & { user: string; passwordStdin?: boolean; json?: boolean }) => {
      await unlocked(o, async (session) => {
        const p = await session.call('handover.previewImport', { fileBase64: readPackageFile(file, HANDOVER_PACKAGE_MAX_BYTES) });
        if (o.json) return kit.printJson(ctx, p);
        kit.print(
          ctx,
          kit.pad([
            ['Package', p.packageId],
            ['From', `${p.sender.name} (${p.sender.country}), fingerprint ${p.sender.fingerprint.display}`],
            ['To', `${p.recipient.name} (${p.recipient.country})`],
            ["Sender's case code", p.senderCaseCode],
            ['Made', p.createdAt],
            ['Importable until', p.expiresAt],
            ['Consent', `given on ${p.consent.givenOn}: ${p.consent.categories.join(', ')}`],
            ['Sections', Object.keys(p.sections).join(', ') || '-'],
            ['Attachments', p.attachments.map((a) => `${a.name} (${a.mediaType}, ${a.size} bytes${a.storable ? '' : ', cannot be kept'})`).join('; ') || '-'],
          ]) + '\nThe signature, the sender, the recipient and every checksum were verified. Nothing was imported.',
        );
      });
    });

  kit
    .addTarget(handover.command('import'))
    .description('import a package: creates the person with a new case code, linked to the sender\'s; writes the signed receipt with --receipt-out')
    .argument('<file>', 'the package file', kit.pathArg)
    .addOption(kit.userOption('the staff member who imports (an administrator or coordinator)'))
    .addOption(new Option('--caseworker <username>', 'assign the new case to this staff member'))
    .addOption(new Option('--receipt-out <file>', "write the signed receipt for the sender to this file (must not exist); else get it later with 'handover receipt'").argParser(kit.pathArg))
    .addOption(kit.stdinOption())
    .addOption(new Option('--json', 'print {"importId","caseCode","packageId","receipt"} on standard output'))
    .addHelpText('after', kit.stdinOrder(MANAGER))
    .action(async (file: string, o: TargetOptions & { user: string; caseworker?: string; receiptOut?: string; passwordStdin?: boolean; json?: boolean }) => {
      if (o.receiptOut) refuseExisting(o.receiptOut);
      await unlocked(o, async (session) => {
        if (session.user.role !== 'admin' && session.user.role !== 'coordinator') throw new AppError('FORBIDDEN', 'forbidden');
        let caseworkerId: string | null = null;
        if (o.caseworker) {
          const name = usernameSchema.safeParse(o.caseworker);
          const found = name.success
            ? await session.call('persons.assigneeByUsername', { username: name.data }).catch((e: unknown) => {
                if (isAppError(e) && e.code === 'NOT_FOUND') return null;
                throw e;
              })
            : null;
          if (!found) throw new CliError(`There is no active staff member named ${o.caseworker}.`);
          caseworkerId = found.userId;
        }
        const result = await session.call('handover.acceptImport', { fileBase64: readPackageFile(file, HANDOVER_PACKAGE_MAX_BYTES), caseworkerId });
        if (o.receiptOut) writeNew(o.receiptOut, Buffer.from(result.receipt.contentBase64, 'base64'));
        if (o.json) return kit.printJson(ctx, { importId: result.importId, caseCode: result.caseCode, receipt: o.receiptOut ?? null });
        kit.print(
          ctx,
          `Imported as ${result.caseCode}.` +
            (o.receiptOut ? ` Send the receipt ${o.receiptOut} to the sender.` : ` Write the receipt for the sender with: passerelle handover receipt --import ${result.importId} --out FILE`),
        );
      });
    });

  kit
    .addTarget(handover.command('receipt'))
    .description("write the signed receipt of an imported package (--import ID or --package ID), or decline a package (--decline FILE) and write the 'rejected' receipt")
    .addOption(kit.userOption('an administrator or coordinator'))
    .addOption(new Option('--import <id>', 'the import id printed by handover import'))
    .addOption(new Option('--package <id>', 'the package id (32 hexadecimal digits)').argParser(packageIdArg))
    .addOption(new Option('--decline <file>', 'decline this package: it is checked, recorded as declined, and cannot be imported later').argParser(kit.pathArg))
    .addOption(outOption('the receipt file to create (must not exist)'))
    .addOption(kit.stdinOption())
    .addOption(new Option('--json', 'print {"receipt","importId"} on standard output'))
    .addHelpText('after', kit.stdinOrder(MANAGER))
    .action(async (o: TargetOptions & { user: string; import?: string; package?: string; decline?: string; out: string; passwordStdin?: boolean; json?: boolean }) => {
      const given = [o.import, o.package, o.decline].filter((x) => x !== undefined).length;
      if (given !== 1) throw new UsageError('give exactly one of --import, --package or --decline');
      refuseExisting(o.out);
      await unlocked(o, async (session) => {
        let importId: string;
        let bytes: Buffer;
        if (o.decline) {
          const declined = await session.call('handover.declineImport', { fileBase64: readPackageFile(o.decline, HANDOVER_PACKAGE_MAX_BYTES) });
          importId = declined.importId;
          bytes = Buffer.from(declined.receipt.contentBase64, 'base64');
        } else {
          importId = o.import ?? (await session.call('handover.importIdOfPackage', { packageId: o.package as string })).importId;
          if (!/^[0-9a-f-]{36}$/.test(importId)) throw new CliError('Use the import id printed by handover import.');
          bytes = Buffer.from((await session.call('handover.receipt', { importId })).contentBase64, 'base64');
        }
        writeNew(o.out, bytes);
        if (o.json) return kit.printJson(ctx, { receipt: o.out, importId });
        kit.print(ctx, `${o.decline ? 'Declined. ' : ''}Receipt written to ${o.out}: send it to the sender.`);
      });
    });

  // ------------------------------------------------------------ receipt
  const receipt = program.command('receipt').description("a partner's receipt for a package sent: receipt import");
  kit
    .addTarget(receipt.command('import'))
    .description('import the receipt the partner sent back: closes the handover and records when your copy is due for deletion')
    .argument('<file>', 'the receipt file', kit.pathArg)
    .addOption(kit.userOption('an administrator or coordinator'))
    .addOption(kit.stdinOption())
    .addOption(new Option('--json', 'print {"status","caseCode","outcome","reason","deletionDueOn"} on standard output'))
    .addHelpText('after', kit.stdinOrder(MANAGER))
    .action(async (file: string, o: TargetOptions & { user: string; passwordStdin?: boolean; json?: boolean }) => {
      await unlocked(o, async (session) => {
        const view = await session.call('handover.importReceipt', { fileBase64: readPackageFile(file, HANDOVER_RECEIPT_MAX_BYTES) });
        // The package this receipt closed: the one closed last.
        const pkg = [...view.packages].filter((p) => p.closedAt !== null).sort((a, b) => (a.closedAt ?? '').localeCompare(b.closedAt ?? '')).at(-1);
        const out = { status: view.status, caseCode: view.caseCode, outcome: pkg?.receipt?.outcome ?? null, reason: pkg?.receipt?.reason ?? null, deletionDueOn: pkg?.deletionDueOn ?? null };
        if (o.json) return kit.printJson(ctx, out);
        kit.print(
          ctx,
          out.outcome === 'accepted'
            ? `${view.partner.name} accepted the handover of ${view.caseCode}; the handover is closed. Your copy of the file is due for deletion on ${out.deletionDueOn}.`
            : `${view.partner.name} did not take on the handover of ${view.caseCode} (${out.reason}); the handover is open again.`,
        );
      });
    });
}
