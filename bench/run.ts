/** `npm run bench`: every benchmark, with generated data from a seeded generator. Figures go to the README. */
import { cpus } from 'node:os';
import { printResults } from './measure';
import { runPersonsBench } from './persons.bench';
import { runVaultBench } from './vault.bench';
import { runRemindersBench } from '../electron/core/reminders/reminders.bench';
import { runRemindersServiceBench } from './reminders.bench';
import { runHandoverBench } from '../electron/core/handover/handover.bench';
import { runHandoverServicesBench } from './handover-services.bench';
import { runStatisticsBench } from './statistics.bench';
import { runNotesBench } from './notes.bench';
import { runImportBench } from './import.bench';
import { runTeamBench } from './team.bench';
import { runAuditedCallBench } from './audited-call.bench';

/** `npm run bench -- persons` runs only the named benchmarks (vault, persons, reminders, handover, stats, notes, import, audited, team); none: all. */
const only = new Set(process.argv.slice(2));
const wanted = (name: string) => only.size === 0 || only.has(name);

console.log(`Passerelle benchmarks — Node ${process.version}, ${cpus().length} cores, ${cpus()[0]?.model ?? ''}`);
if (wanted('vault')) printResults('Vault: unlock and encrypted vs plain SQLite (medians of 3)', await runVaultBench());
if (wanted('persons')) {
  printResults('Persons: 100k invented persons, ~1M events (medians of 15; ratio = measured / target)', await runPersonsBench());
}
if (wanted('reminders')) {
  printResults('Reminders: dashboard grouping alone, 100k persons in memory (medians of 5; ratio = measured / 100 ms)', runRemindersBench());
  printResults(
    'Reminders: dashboard through the service, 100k persons in an encrypted vault (medians of 15; ratio = measured / 100 ms)',
    await runRemindersServiceBench(),
  );
}
if (wanted('handover')) {
  printResults('Handover: the package format alone, 50 MB of attachments (each step a fresh process)', await runHandoverBench());
  printResults('Handover through the services: 50 MB of attachments, BE vault -> LU vault (each step a fresh process)', await runHandoverServicesBench());
}
if (wanted('stats')) {
  printResults('Statistics: the whole year\'s tables, counted and suppressed, 100k invented persons (medians of 7; ratio = measured / 500 ms)', await runStatisticsBench());
}
if (wanted('notes')) {
  printResults('Notes: 100k persons, 1M notes in nl/fr/en, through the service (median and p95; ratio = measured / target: 50 ms search, 5 ms insert)', await runNotesBench());
}
if (wanted('import')) {
  printResults('Spreadsheet import: 10,000 invented persons with 3 events each (ratio = measured / target: dry run 10 s, import 30 s)', await runImportBench());
}
if (wanted('audited')) {
  printResults('Audited calls in the embedded mode: 2,000 invented persons (300 calls each; ratio = measured / target)', await runAuditedCallBench());
}
if (wanted('team')) {
  printResults('Team mode: 30 desktops over TLS against one office server, mixed workload (ratio: TLS p50 / embedded p50, or p95 / target)', await runTeamBench());
}
