/**
 * `person import FILE --mapping MAPPING.json [--dry-run] [--json]` (docs/cli.md, docs/import.md): the
 * spreadsheet import of the Import screen, on the same service (administrators; a dry run writes
 * nothing; the import writes every row without problems in one transaction).
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { AppError, interpolate } from '../../shared/errors';
import { en } from '../../shared/i18n/en';
import { MAX_IMPORT_FILE_BYTES, type ImportReport, type RowProblem } from '../../shared/import/import.schema';
import { importMappingSchema } from '../../shared/import/mapping.schema';
import { CliError } from './cli-errors';
import { readJsonFile, type CliKit, type Context } from './cli-kit';
import type { TargetOptions } from './cli-session';

const PASSWORD_ORDER = ["the administrator's password (--user)"];

/** A row's problem in English, as the Import screen words it. */
export function problemText(p: RowProblem): string {
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(p)) if (typeof v === 'string' || typeof v === 'number') params[k] = v;
  if (p.rule) {
    params.rule = p.rule.message.en;
    params.source = p.rule.source;
  }
  params.column ??= p.field ?? '';
  return interpolate(en.spreadsheetImport.problems[p.code], params);
}

function readSpreadsheetFile(file: string): { fileName: string; fileBase64: string } {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new CliError(`Cannot read ${file}.`);
  }
  // Refused before it is read into memory.
  if (size > MAX_IMPORT_FILE_BYTES) throw new AppError('VALIDATION', 'importFileTooLarge', { maxMb: MAX_IMPORT_FILE_BYTES / 1024 / 1024 });
  return { fileName: basename(file), fileBase64: readFileSync(file).toString('base64') };
}

function reportLines(report: ImportReport): string[][] {
  return report.rows
    .filter((r) => r.problems.length > 0)
    .flatMap((r) => r.problems.map((p, i) => [i === 0 ? String(r.row) : '', problemText(p)]));
}

export function registerImportCommands(program: Command, ctx: Context, kit: CliKit): void {
  const person = program.commands.find((c) => c.name() === 'person');
  if (!person) throw new Error('the person command is registered first');
  person.description('supported persons: person add | list | import');

  kit
    .addTarget(person.command('import'))
    .description('import persons and their procedure events from an XLSX or CSV file (administrators; docs/import.md)')
    .argument('<file>', 'the spreadsheet (.xlsx or .csv)', kit.pathArg)
    .addOption(kit.userOption('the administrator who imports'))
    .addOption(new Option('--mapping <file>', 'the mapping file (JSON, format in docs/import.md)').makeOptionMandatory().argParser(kit.pathArg))
    .addOption(new Option('--dry-run', 'check every row and report its problems; write nothing'))
    .addOption(kit.stdinOption())
    .addOption(new Option('--json', 'print the report (and the imported case codes) as JSON on standard output'))
    .addHelpText('after', kit.stdinOrder(PASSWORD_ORDER))
    .action(async (file: string, o: TargetOptions & { user: string; mapping: string; dryRun?: boolean; passwordStdin?: boolean; json?: boolean }) => {
      const mapping = readJsonFile(o.mapping, importMappingSchema);
      const spreadsheet = readSpreadsheetFile(file);
      await kit.withTarget(ctx, o, async (session) => {
        if (o.dryRun) {
          const report = await session.call('spreadsheetImport.dryRun', { file: spreadsheet, mapping });
          if (o.json) return kit.printJson(ctx, report);
          const t = report.totals;
          const lines = reportLines(report);
          kit.print(ctx, `Dry run, nothing written: ${t.rows} rows, ${t.valid} can be imported (${t.events} events), ${t.withProblems} with problems, ${t.emptyRowsSkipped} empty rows skipped.`);
          if (lines.length > 0) kit.print(ctx, kit.pad([['ROW', 'PROBLEM'], ...lines]));
          return;
        }
        const result = await session.call('spreadsheetImport.run', { file: spreadsheet, mapping });
        if (o.json) return kit.printJson(ctx, result);
        const lines = reportLines(result);
        const codes = result.imported.map((i) => i.caseCode);
        const range = codes.length > 0 ? ` (${codes[0]} to ${codes.at(-1)})` : '';
        kit.print(ctx, `Imported ${result.imported.length} persons${range}; ${result.totals.withProblems} rows with problems were not imported.`);
        if (lines.length > 0) kit.print(ctx, kit.pad([['ROW', 'PROBLEM'], ...lines]));
      });
    });
}
