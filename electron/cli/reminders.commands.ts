/**
 * `passerelle reminders`: what the desktop notifier would show on a day, computed by
 * the same planning code (shared/reminders/reminder-plan.ts through ReminderService.dueOn): the open
 * deadlines and tasks the user may see whose reminder day (after the lead time and the move to a
 * working day) is that day, with the notification text and whether each reminder already fired on
 * this vault. It unlocks like every other command and changes nothing but the audit trail's unlock
 * entry. See docs/cli.md.
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { calendarDateSchema, type CalendarDate } from '../../shared/dates/calendar-date';
import { LANGUAGES, languageSchema, type Language } from '../../shared/domain';
import { todayOf } from '../core/persons/person-access';
import { systemClock } from '../core/ports';
import type { DueReminder } from '../../shared/team/team-channels.schema';
import type { CliKit, Context } from './cli-kit';
import type { TargetOptions } from './cli-session';

const PASSWORD_ORDER = ['the password of --user (any role: a caseworker sees only their own cases and tasks)'];

const dateArg = (value: string): CalendarDate => {
  const parsed = calendarDateSchema.safeParse(value);
  if (!parsed.success) throw new InvalidArgumentError('Use an existing date written YYYY-MM-DD.');
  return parsed.data;
};
const languageArg = (value: string): Language => {
  const parsed = languageSchema.safeParse(value.toLowerCase());
  if (!parsed.success) throw new InvalidArgumentError(`Use ${LANGUAGES.join(', ')}.`);
  return parsed.data;
};

/** One line of `reminders --json` (shared/team/team-channels.schema.ts). */
export type DueReminderJson = DueReminder;

export function registerReminderCommands(program: Command, ctx: Context, kit: CliKit): void {
  kit
    .addTarget(program.command('reminders'))
    .description('what the desktop would notify on a day: reminders due then, with their text (a caseworker: own cases and tasks)')
    .addOption(kit.userOption('the staff member who asks'))
    .addOption(new Option('--today <date>', 'the day, YYYY-MM-DD (default: today on this computer)').argParser(dateArg))
    .addOption(new Option('--language <code>', `language of the texts: ${LANGUAGES.join('|')}`).argParser(languageArg).default('en'))
    .addOption(kit.stdinOption())
    .addOption(new Option('--json', 'print {"today", "reminders": [...]} on standard output (shape in docs/cli.md)'))
    .addHelpText('after', kit.stdinOrder(PASSWORD_ORDER))
    .action(async (o: TargetOptions & { user: string; today?: CalendarDate; language: Language; passwordStdin?: boolean; json?: boolean }) => {
      await kit.withTarget(ctx, o, async (session) => {
        const today = o.today ?? todayOf(systemClock);
        const reminders: DueReminderJson[] = await session.call('reminders.dueOn', { today, language: o.language });
        if (o.json) return kit.printJson(ctx, { today, reminders });
        if (reminders.length === 0) return kit.print(ctx, `No reminders on ${today}.`);
        kit.print(
          ctx,
          kit.pad([
            ['DUE DATE', 'CASE CODE', 'KIND', 'LEADS', 'FIRED', 'NOTIFICATION'],
            ...reminders.map((r) => [
              `${r.dueDate}${r.nonWorking ? ` (${r.nonWorking}, act by ${r.actBy})` : ''}`,
              r.caseCode ?? '-',
              r.kind,
              r.reminders.map((x) => x.lead).join(','),
              r.alreadyFired ? 'yes' : 'no',
              r.notification.title,
            ]),
          ]),
        );
      });
    });
}
