/**
 * `passerelle stats` (docs/statistics.md, docs/cli.md): a year's statistics, suppressed by the same
 * service as the app's Statistics screen, written to a new file as JSON, CSV, XLSX or PDF; and
 * `passerelle access-request`: a person's access request archive (docs/access-request.md). Files are
 * created exclusively (an existing file is never overwritten) and readable by the owner only; both
 * are audited by the services.
 */
import { writeFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { z } from 'zod';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { COUNTRIES, countrySchema, LANGUAGES, languageSchema, type Country, type Language } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import { STATISTICS_YEARS, statisticsYearSchema, type StatisticsFormat } from '../../shared/statistics/statistics.schema';
import { CliError } from './cli-errors';
import type { CliKit, Context } from './cli-kit';
import type { TargetOptions } from './cli-session';

const yearArg = (value: string): number => {
  const parsed = statisticsYearSchema.safeParse(/^\d{4}$/.test(value) ? Number(value) : NaN);
  if (!parsed.success) throw new InvalidArgumentError(`Use a year from ${STATISTICS_YEARS.min} to ${STATISTICS_YEARS.max}.`);
  return parsed.data;
};
const countryArg = (value: string): Country => {
  const parsed = countrySchema.safeParse(value.toUpperCase());
  if (!parsed.success) throw new InvalidArgumentError(`Use ${COUNTRIES.join(', ')}.`);
  return parsed.data;
};
const languageArg = (value: string): Language => {
  const parsed = languageSchema.safeParse(value.toLowerCase());
  if (!parsed.success) throw new InvalidArgumentError(`Use ${LANGUAGES.join(', ')}.`);
  return parsed.data;
};

/** Writes a new file only: an existing one is refused (CONFLICT), never overwritten. */
export function writeNewFile(path: string, bytes: Uint8Array): void {
  try {
    writeFileSync(path, bytes, { flag: 'wx', mode: 0o600 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new AppError('CONFLICT', 'fileExists');
    throw new CliError(`Cannot write ${path}.`);
  }
}

/** The request's id, as recorded inside the archive's JSON (the file name holds only part of it). */
function requestIdOf(zip: Uint8Array): string {
  const files = unzipSync(zip, { filter: (f) => f.name === 'access-request.json' });
  const json = files['access-request.json'];
  const parsed = json ? z.object({ requestId: z.string() }).safeParse(JSON.parse(strFromU8(json))) : null;
  if (!parsed?.success) throw new CliError('The access request archive is not complete.');
  return parsed.data.requestId;
}

const FORMATS: readonly StatisticsFormat[] = ['json', 'csv', 'xlsx', 'pdf'];

export function registerStatsCommands(program: Command, ctx: Context, kit: CliKit): void {
  kit
    .addTarget(program.command('stats'))
    .description('a year\'s statistics for the national rapporteur, small counts suppressed (administrators and coordinators)')
    .addOption(kit.userOption('the administrator or coordinator who asks'))
    .addOption(new Option('--year <yyyy>', 'the calendar year').makeOptionMandatory().argParser(yearArg))
    .addOption(new Option('--country <code>', `only persons with a procedure in this country: ${COUNTRIES.join('|')}`).argParser(countryArg))
    .addOption(new Option('--json', 'write the report as JSON (shape in docs/statistics.md)'))
    .addOption(new Option('--csv', 'write one line per published count'))
    .addOption(new Option('--xlsx', 'write a workbook, one sheet per table'))
    .addOption(new Option('--pdf', 'write a printable report'))
    .addOption(new Option('--language <code>', `language of the labels: ${LANGUAGES.join('|')}`).argParser(languageArg).default('en'))
    .addOption(new Option('--out <file>', 'the new file to write (an existing file is refused)').makeOptionMandatory().argParser(kit.pathArg))
    .addOption(kit.stdinOption())
    .addHelpText('after', kit.stdinOrder(['the password of --user']))
    .action(
      async (o: {
        vault?: string;
        server?: string;
        serverFingerprint?: string;
        user: string;
        year: number;
        country?: Country;
        json?: boolean;
        csv?: boolean;
        xlsx?: boolean;
        pdf?: boolean;
        language: Language;
        out: string;
        passwordStdin?: boolean;
      }) => {
        const chosen = FORMATS.filter((f) => o[f] === true);
        if (chosen.length !== 1) program.error('error: choose exactly one of --json, --csv, --xlsx, --pdf', { exitCode: 2 });
        const format = chosen[0] as StatisticsFormat;
        await kit.withTarget(ctx, o, async (session) => {
          const file = await session.call('statistics.export', { year: o.year, country: o.country ?? null, format, language: o.language });
          const bytes = Buffer.from(file.contentBase64, 'base64');
          writeNewFile(o.out, bytes);
          kit.print(ctx, `Wrote ${o.out} (${bytes.byteLength} bytes).`);
        });
      },
    );

  kit
    .addTarget(program.command('access-request'))
    .description("a person's access request (GDPR art. 15 and 20): everything about them as PDF and JSON in one zip (administrators)")
    .addOption(kit.userOption())
    .addOption(new Option('--person <case-code>', 'the case code of the person').makeOptionMandatory())
    .addOption(new Option('--out <file>', 'the new zip file to write (an existing file is refused)').makeOptionMandatory().argParser(kit.pathArg))
    .addOption(kit.stdinOption())
    .addHelpText('after', kit.stdinOrder(['the password of --user (an administrator)']))
    .action(async (o: TargetOptions & { user: string; person: string; out: string; passwordStdin?: boolean }) => {
      await kit.withTarget(ctx, o, async (session) => {
        const { personId } = await session.call('persons.idByCaseCode', { caseCode: o.person });
        const archive = await session.call('persons.accessRequest', { id: personId });
        const bytes = Buffer.from(archive.contentBase64, 'base64');
        writeNewFile(o.out, bytes);
        kit.print(ctx, `Wrote ${o.out} (request ${requestIdOf(bytes)}).`);
      });
    });
}
