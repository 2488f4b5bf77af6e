/**
 * CLI commands for persons and procedures: `person add`, `person list`,
 * `procedure event`, `deadlines`. They unlock like every other command (--user, then the password on
 * a muted prompt or with --password-stdin) and run on the same services as the app, so the caseworker
 * restriction and the audit trail apply. See docs/cli.md.
 *
 * `person add` and `procedure event` read their input from `--json FILE` (the issue's syntax), checked
 * with the same zod schemas as the IPC contract.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { z } from 'zod';
import { calendarDateSchema, type CalendarDate } from '../../shared/dates/calendar-date';
import { countrySchema } from '../../shared/domain';
import { isAppError } from '../../shared/errors';
import { caseCodeSchema } from '../../shared/persons/case-code';
import { personCreateSchema } from '../../shared/persons/person.schema';
import { eventInputSchema } from '../../shared/persons/procedure.schema';
import { todayOf } from '../core/persons/person-access';
import { systemClock } from '../core/ports';
import { CliError } from './cli-errors';
import { readJsonFile, type CliKit, type Context } from './cli-kit';
import type { TargetOptions } from './cli-session';

/** `procedure event --json FILE`: the event and the country of its track. */
export const cliEventSchema = eventInputSchema.extend({ country: z.string().trim().toUpperCase().pipe(countrySchema) }).strict();

/** The most due dates one `deadlines` call lists (the channel's limit). */
const UPCOMING_MAX = 5000;

const PASSWORD_ORDER = ['the password of --user (any role: a caseworker reaches only their own cases)'];

/** A VALIDATION error of the engine names the event's fields: say which, in the CLI's one line. */
async function withFieldsNamed<T>(file: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (isAppError(e) && e.code === 'VALIDATION' && e.details?.fields?.length) {
      const problems = e.details.fields.map((f) => `${f.path.replace(/^event\./, '')}: ${f.message}`);
      throw new CliError(`${file} is not valid: ${problems.join('; ')}.`);
    }
    throw e;
  }
}

const caseCodeArg = (value: string): string => {
  const parsed = caseCodeSchema.safeParse(value);
  if (!parsed.success) throw new InvalidArgumentError('Use a case code like PAY-2026-0007.');
  return parsed.data;
};
const dateArg = (value: string): CalendarDate => {
  const parsed = calendarDateSchema.safeParse(value);
  if (!parsed.success) throw new InvalidArgumentError('Use an existing date written YYYY-MM-DD.');
  return parsed.data;
};
const daysArg = (value: string): number => {
  if (!/^\d{1,4}$/.test(value) || Number(value) > 3660) throw new InvalidArgumentError('Use a whole number of days from 0 to 3660.');
  return Number(value);
};

export function registerPersonCommands(program: Command, ctx: Context, kit: CliKit): void {
  const jsonInput = (what: string) => new Option('--json <file>', what).makeOptionMandatory().argParser(kit.pathArg);

  // ------------------------------------------------------------ person
  const person = program.command('person').description('supported persons: person add | list');

  kit
    .addTarget(person.command('add'))
    .description('register a person from a JSON file (shape in docs/cli.md); prints the new case code')
    .addOption(kit.userOption('the staff member who registers the person'))
    .addOption(jsonInput('the person as JSON (the shape of the app\'s person form)'))
    .addOption(kit.stdinOption())
    .addHelpText('after', kit.stdinOrder(PASSWORD_ORDER))
    .action(async (o: TargetOptions & { user: string; json: string; passwordStdin?: boolean }) => {
      const input = readJsonFile(o.json, personCreateSchema);
      await kit.withTarget(ctx, o, async (session) => {
        const created = await session.call('persons.create', input);
        kit.print(ctx, created.person.caseCode);
      });
    });

  kit
    .addTarget(person.command('list'))
    .description('list the persons you may see (all for administrators and coordinators); written to the audit trail')
    .addOption(kit.userOption('the staff member who lists'))
    .addOption(kit.stdinOption())
    .addOption(new Option('--json', 'print the records as JSON on standard output'))
    .addHelpText('after', kit.stdinOrder(PASSWORD_ORDER))
    .action(async (o: TargetOptions & { user: string; passwordStdin?: boolean; json?: boolean }) => {
      await kit.withTarget(ctx, o, async (session) => {
        const records = await session.call('persons.exportList', {});
        if (o.json) return kit.printJson(ctx, records);
        kit.print(
          ctx,
          kit.pad([
            ['CASE CODE', 'MINOR', 'NEXT DEADLINE', 'NAME'],
            ...records.map((r) => [
              r.caseCode,
              r.minorStatus,
              r.nextDue ? `${r.nextDue.date} ${r.nextDue.country} ${r.nextDue.kind}` : '-',
              [r.familyName, r.givenNames].filter(Boolean).join(', ') || r.aliases.join(', '),
            ]),
          ]),
        );
      });
    });

  // ------------------------------------------------------------ procedure
  const procedure = program.command('procedure').description("a person's procedures: procedure event");

  kit
    .addTarget(procedure.command('event'))
    .description('record a procedure event from a JSON file {country, type, date, documentExpiry?}; opens the track of that country if missing')
    .addOption(kit.userOption('the staff member who records the event'))
    .addOption(new Option('--person <caseCode>', 'the case code, e.g. PAY-2026-0007').makeOptionMandatory().argParser(caseCodeArg))
    .addOption(jsonInput('the event as JSON'))
    .addOption(kit.stdinOption())
    .addHelpText('after', kit.stdinOrder(PASSWORD_ORDER))
    .action(async (o: TargetOptions & { user: string; person: string; json: string; passwordStdin?: boolean }) => {
      const { country, ...event } = readJsonFile(o.json, cliEventSchema);
      await kit.withTarget(ctx, o, async (session) => {
        const { personId } = await session.call('persons.idByCaseCode', { caseCode: o.person });
        const view = await withFieldsNamed(o.json, () => session.call('procedure.recordByCountry', { personId, country, event }));
        const due = view.state.dueDates.map((d) => `${d.kind} ${d.dueDate}`).join(', ');
        kit.print(ctx, `${o.person} ${country}: recorded ${event.type} on ${event.date}; phase ${view.state.phase.id}${due ? `; due: ${due}` : ''}.`);
      });
    });

  // ------------------------------------------------------------ deadlines
  kit
    .addTarget(program.command('deadlines'))
    .description('due dates from today to today + DAYS (a caseworker sees only their own cases)')
    .addOption(kit.userOption('the staff member who asks'))
    .addOption(new Option('--within <days>', 'how many days ahead, 0 to 3660').makeOptionMandatory().argParser(daysArg))
    .addOption(new Option('--today <date>', 'the day to count from, YYYY-MM-DD (default: today on this computer)').argParser(dateArg))
    .addOption(kit.stdinOption())
    .addOption(new Option('--json', 'print [{"caseCode","country","kind","dueDate","basis","phase"}] on standard output'))
    .addHelpText('after', kit.stdinOrder(PASSWORD_ORDER))
    .action(async (o: TargetOptions & { user: string; within: number; today?: CalendarDate; passwordStdin?: boolean; json?: boolean }) => {
      await kit.withTarget(ctx, o, async (session) => {
        const today = o.today ?? todayOf(systemClock);
        const rows = (await session.call('deadlines.upcoming', { withinDays: o.within, today, includeOverdue: false, limit: UPCOMING_MAX }))
          .map((d) => ({ caseCode: d.caseCode, country: d.country, kind: d.kind, dueDate: d.dueDate, basis: d.basis, phase: d.phase }));
        if (o.json) return kit.printJson(ctx, rows);
        if (rows.length === 0) return kit.print(ctx, `No due dates from ${today} to ${o.within} days later.`);
        kit.print(ctx, kit.pad([['DUE DATE', 'BASIS', 'CASE CODE', 'COUNTRY', 'PHASE', 'KIND'], ...rows.map((r) => [r.dueDate, r.basis, r.caseCode, r.country, r.phase, r.kind])]));
      });
    });
}
