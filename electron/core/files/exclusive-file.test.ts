/**
 * Exports are created exclusively: an existing file, a planted symbolic link (to a file, or
 * dangling) and a file planted while the export is being written are refused, never replaced or
 * written through; the new file is 0600; no temporary file is left behind.
 */
import { lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, statSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isAppError } from '../../../shared/errors';
import { tempDir } from '../../../test/helpers/vault';
import { writeNewFile, writeNewFileSync } from './exclusive-file';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

function work(): { out: string; elsewhere: string } {
  const t = tempDir('passerelle-export-');
  cleanups.push(t.cleanup);
  const out = join(t.dir, 'exports');
  const elsewhere = join(t.dir, 'elsewhere');
  mkdirSync(out);
  mkdirSync(elsewhere);
  return { out, elsewhere };
}

function expectFileExists(fn: () => unknown): void {
  let error: unknown;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  expect(isAppError(error) && error.code === 'CONFLICT' && error.key === 'fileExists', String(error)).toBe(true);
}

async function expectFileExistsAsync(p: Promise<unknown>): Promise<void> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isAppError(error) && error.code === 'CONFLICT' && error.key === 'fileExists', String(error)).toBe(true);
}

const PACKAGE = Buffer.from('{"format":"passerelle-handover"}\n');

describe('exports are created exclusively', () => {
  it('creates the file with mode 0600 and leaves no temporary file', async () => {
    const { out } = work();
    writeNewFileSync(join(out, 'card.json'), 'card');
    await writeNewFile(join(out, 'package.handover'), async (fh) => void (await fh.write(PACKAGE)));
    expect(readFileSync(join(out, 'card.json'), 'utf8')).toBe('card');
    expect(readFileSync(join(out, 'package.handover'))).toEqual(PACKAGE);
    if (process.platform !== 'win32') {
      expect(statSync(join(out, 'card.json')).mode & 0o777).toBe(0o600);
      expect(statSync(join(out, 'package.handover')).mode & 0o777).toBe(0o600);
    }
    expect(readdirSync(out).sort()).toEqual(['card.json', 'package.handover']);
  });

  it('refuses an existing file and leaves it as it was', async () => {
    const { out } = work();
    const target = join(out, 'receipt.json');
    writeFileSync(target, 'someone else’s file');
    expectFileExists(() => writeNewFileSync(target, 'receipt'));
    await expectFileExistsAsync(writeNewFile(target, async (fh) => void (await fh.write(PACKAGE))));
    expect(readFileSync(target, 'utf8')).toBe('someone else’s file');
    expect(readdirSync(out)).toEqual(['receipt.json']);
  });

  it('refuses a planted symbolic link and does not follow it', async () => {
    const { out, elsewhere } = work();
    const victim = join(elsewhere, 'victim.txt');
    writeFileSync(victim, 'do not touch');
    const target = join(out, 'package.handover');
    symlinkSync(victim, target);
    expectFileExists(() => writeNewFileSync(target, 'package'));
    await expectFileExistsAsync(writeNewFile(target, async (fh) => void (await fh.write(PACKAGE))));
    expect(readFileSync(victim, 'utf8')).toBe('do not touch');
    expect(lstatSync(target).isSymbolicLink()).toBe(true);
    expect(readlinkSync(target)).toBe(victim);
  });

  it('refuses a dangling symbolic link and creates nothing where it points', () => {
    const { out, elsewhere } = work();
    const pointsTo = join(elsewhere, 'created-through-the-link.txt');
    const target = join(out, 'summary.pdf');
    symlinkSync(pointsTo, target);
    expectFileExists(() => writeNewFileSync(target, '%PDF-1.7'));
    expect(existsSync(pointsTo)).toBe(false);
  });

  it('refuses a file or a link planted while the export is being written (no check-then-rename window)', async () => {
    const { out, elsewhere } = work();
    const victim = join(elsewhere, 'victim.txt');
    writeFileSync(victim, 'do not touch');
    const target = join(out, 'package.handover');
    // The export had checked that nothing was there; another program plants a link meanwhile.
    await expectFileExistsAsync(
      writeNewFile(target, async (fh) => {
        await fh.write(PACKAGE);
        symlinkSync(victim, target);
        await fh.write(PACKAGE);
      }),
    );
    expect(readFileSync(victim, 'utf8')).toBe('do not touch');
    expect(lstatSync(target).isSymbolicLink()).toBe(true);
    expect(readdirSync(out)).toEqual(['package.handover']);

    const target2 = join(out, 'calendar.ics');
    await expectFileExistsAsync(
      writeNewFile(target2, async (fh) => {
        writeFileSync(target2, 'planted');
        await fh.write(PACKAGE);
      }),
    );
    expect(readFileSync(target2, 'utf8')).toBe('planted');
  });

  it('removes the temporary file when writing fails', async () => {
    const { out } = work();
    await expect(
      writeNewFile(join(out, 'package.handover'), async (fh) => {
        await fh.write(PACKAGE);
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(readdirSync(out)).toEqual([]);
  });
});
