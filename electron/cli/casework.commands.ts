/**
 * CLI commands for daily casework: `note add` (a note or contact-log entry from a JSON file) and
 * `search --text` (full-text search of the notes). They run on the same services as the app, so the
 * caseworker restriction (own cases only, in search too) and the audit trail apply. See docs/cli.md.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { noteFieldsSchema, NOTE_SEARCH_LIMIT_MAX } from '../../shared/casework/note.schema';
import { caseCodeSchema } from '../../shared/persons/case-code';
import { z } from 'zod';
import { readJsonFile, type CliKit, type Context } from './cli-kit';
import type { TargetOptions } from './cli-session';

/** `note add --json FILE`: the note's fields, and optionally the id of the note it corrects. */
export const cliNoteSchema = noteFieldsSchema.extend({ correctsId: z.uuid().nullable().default(null) });

const PASSWORD_ORDER = ['the password of --user (any role: a caseworker reaches only their own cases)'];

const caseCodeArg = (value: string): string => {
  const parsed = caseCodeSchema.safeParse(value);
  if (!parsed.success) throw new InvalidArgumentError('Use a case code like PAY-2026-0007.');
  return parsed.data;
};
const limitArg = (value: string): number => {
  if (!/^\d{1,3}$/.test(value) || Number(value) < 1 || Number(value) > NOTE_SEARCH_LIMIT_MAX) {
    throw new InvalidArgumentError(`Use a whole number from 1 to ${NOTE_SEARCH_LIMIT_MAX}.`);
  }
  return Number(value);
};
const textArg = (value: string): string => {
  if (value.trim().length === 0 || value.length > 200) throw new InvalidArgumentError('Give one to 200 characters of words to search for.');
  return value;
};

export function registerCaseworkCommands(program: Command, ctx: Context, kit: CliKit): void {
  const note = program.command('note').description("a person's notes and contact log: note add");

  kit
    .addTarget(note.command('add'))
    .description('add a note from a JSON file {occurredOn, type, body, durationMinutes?, attachmentId?, correctsId?}; prints its id')
    .addOption(kit.userOption('the staff member who writes the note (its author)'))
    .addOption(new Option('--person <caseCode>', 'the case code, e.g. PAY-2026-0007').makeOptionMandatory().argParser(caseCodeArg))
    .addOption(new Option('--json <file>', 'the note as JSON').makeOptionMandatory().argParser(kit.pathArg))
    .addOption(kit.stdinOption())
    .addHelpText('after', kit.stdinOrder(PASSWORD_ORDER))
    .action(async (o: TargetOptions & { user: string; person: string; json: string; passwordStdin?: boolean }) => {
      const fields = readJsonFile(o.json, cliNoteSchema);
      await kit.withTarget(ctx, o, async (session) => {
        const { personId } = await session.call('persons.idByCaseCode', { caseCode: o.person });
        const added = await session.call('notes.add', { ...fields, personId });
        kit.print(ctx, added.id);
      });
    });

  kit
    .addTarget(program.command('search'))
    .description('search the notes (every word, as a prefix; accents and case ignored; best first); a caseworker searches their own cases')
    .addOption(kit.userOption('the staff member who searches'))
    .addOption(new Option('--text <words>', 'the words to search for').makeOptionMandatory().argParser(textArg))
    .addOption(new Option('--person <caseCode>', "only this person's notes").argParser(caseCodeArg))
    .addOption(new Option('--limit <n>', `at most this many notes, 1 to ${NOTE_SEARCH_LIMIT_MAX} (default 20)`).argParser(limitArg))
    .addOption(kit.stdinOption())
    .addOption(new Option('--json', 'print [{"noteId","caseCode","occurredOn","type","snippet"}] on standard output'))
    .addHelpText('after', kit.stdinOrder(PASSWORD_ORDER))
    .action(async (o: TargetOptions & { user: string; text: string; person?: string; limit?: number; passwordStdin?: boolean; json?: boolean }) => {
      await kit.withTarget(ctx, o, async (session) => {
        const personId = o.person ? (await session.call('persons.idByCaseCode', { caseCode: o.person })).personId : undefined;
        const hits = await session.call('notes.search', { text: o.text, limit: o.limit ?? 20, ...(personId ? { personId } : {}) });
        if (o.json) {
          return kit.printJson(
            ctx,
            hits.map((h) => ({ noteId: h.noteId, caseCode: h.caseCode, occurredOn: h.occurredOn, type: h.type, snippet: h.snippet })),
          );
        }
        const marked = (h: (typeof hits)[number]) => h.snippet.map((p) => (p.hit ? `[${p.text}]` : p.text)).join('').replace(/\s+/g, ' ');
        kit.print(ctx, kit.pad([['CASE CODE', 'DATE', 'TYPE', 'TEXT'], ...hits.map((h) => [h.caseCode, h.occurredOn, h.type, marked(h)])]));
      });
    });
}
