/**
 * The packaged app's Electron fuses (docs/packaging.md). The package cannot be built on the
 * development machines (no Electron binary), so this checks the configuration the packaging
 * machine uses: a fuse left at Electron's default would let anyone who can start the program
 * run it as plain Node (ELECTRON_RUN_AS_NODE), inject code (NODE_OPTIONS, --inspect) or load
 * app code from outside the signed archive, with the vault's data key in reach once unlocked.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

const builderConfig = z.looseObject({
  asar: z.literal(true),
  files: z.array(z.string()),
  electronFuses: z.looseObject({
    runAsNode: z.boolean(),
    enableNodeOptionsEnvironmentVariable: z.boolean(),
    enableNodeCliInspectArguments: z.boolean(),
    onlyLoadAppFromAsar: z.boolean(),
    enableEmbeddedAsarIntegrityValidation: z.boolean(),
  }),
});

describe('packaging configuration', () => {
  const config = builderConfig.parse(JSON.parse(readFileSync(resolve(__dirname, '../../electron-builder.json'), 'utf8')));

  it('turns off running as Node, NODE_OPTIONS and the inspector arguments', () => {
    expect(config.electronFuses.runAsNode).toBe(false);
    expect(config.electronFuses.enableNodeOptionsEnvironmentVariable).toBe(false);
    expect(config.electronFuses.enableNodeCliInspectArguments).toBe(false);
  });

  it('loads the app only from the archive, and checks the archive against its embedded hash', () => {
    expect(config.asar).toBe(true);
    expect(config.electronFuses.onlyLoadAppFromAsar).toBe(true);
    expect(config.electronFuses.enableEmbeddedAsarIntegrityValidation).toBe(true);
  });

  it('packs only the built app, never sources, tests or a vault', () => {
    expect(config.files.every((f) => f === 'package.json' || f.startsWith('out/'))).toBe(true);
  });
});
