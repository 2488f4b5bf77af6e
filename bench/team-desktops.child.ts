/**
 * Some of the team bench's desktops, in a process of their own (forked by bench/team.bench.ts):
 * each desktop is a RemoteRouter (the desktop's own client: pinned TLS 1.3, request ids) signed in
 * as its caseworker and subscribed to the change events like a desktop's main process. On `go` each
 * runs the workload (bench/team-workload.ts) with a pause between actions, uniformly 0.5-2 s drawn
 * from a seeded generator (a member of staff reading the screen and clicking), then reports its
 * samples and CPU time. Exits by itself if the parent goes away.
 */
import { cpuUsage } from 'node:process';
import { RemoteRouter } from '../electron/remote/remote-router';
import type { CalendarDate } from '../shared/dates/calendar-date';
import { seededRandom } from '../test/helpers/random';
import { emptySamples, round, type Desk } from './team-workload';

interface Start {
  url: string;
  fingerprint: string;
  password: string;
  indexes: number[];
  rounds: number;
  seed: number;
  today: CalendarDate;
  thinkMinMs: number;
  thinkMaxMs: number;
}

if (!process.send) throw new Error('forked only');
const send = (message: unknown) => process.send?.(message);
process.on('disconnect', () => process.exit(1));

let start: Start | null = null;
let desks: (Desk & { remote: RemoteRouter; stop: () => void })[] = [];
let events = 0;

process.on('message', (message: { type: string } & Partial<Start>) => {
  void (async () => {
    if (message.type === 'start') {
      const s = message as Start;
      start = s;
      desks = await Promise.all(
        s.indexes.map(async (index) => {
          const remote = await RemoteRouter.connect({ url: s.url, fingerprint: s.fingerprint, retryForMs: 0 });
          const signIn = await remote.call('session.unlock', { username: `worker${index}`, password: s.password });
          if (!signIn.ok) throw new Error(`sign-in failed: ${signIn.error.code}`);
          const stop = remote.subscribe(() => (events += 1));
          const random = seededRandom(s.seed + index);
          const think = () => new Promise<void>((r) => setTimeout(r, s.thinkMinMs + random() * (s.thinkMaxMs - s.thinkMinMs)));
          return { router: remote, remote, stop, index, today: s.today, think };
        }),
      );
      send({ type: 'ready' });
    } else if (message.type === 'go' && start) {
      const rounds = start.rounds;
      const into = emptySamples();
      const cpuBefore = cpuUsage();
      await Promise.all(desks.map(async (d) => {
        for (let r = 0; r < rounds; r++) await round(d, r, into);
      }));
      const cpu = cpuUsage(cpuBefore);
      for (const d of desks) {
        d.stop();
        await d.remote.call('session.lock', {});
        d.remote.close();
      }
      send({ type: 'done', ...into, events, cpu });
      process.disconnect();
    }
  })().catch((e: unknown) => {
    send({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
  });
});
