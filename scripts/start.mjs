#!/usr/bin/env node
// `npm start`: build the app and run it in Electron on a user's machine.
//
// The SQLite driver is a native module. node_modules holds the build for Node's ABI (used by the
// tests and the CLI); Electron needs a build for its own ABI. This script makes that second build
// once, in a copy under .electron-native/, so `npm test` keeps working, then starts Electron with
// PASSERELLE_NATIVE_BINDING pointing at it. It needs internet the first time (Electron's headers
// or a prebuilt binary, and Electron itself).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const electronVersion = require('electron/package.json').version;
const nativeDir = join(root, '.electron-native');
const target = join(nativeDir, `better_sqlite3-electron-${electronVersion}.node`);

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  return r.status === 0;
}

/** A build for Electron's ABI cannot load in Node; if it does, node-gyp quietly used Node's headers. */
function isNodeAbi(file) {
  const r = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(file)})`], { encoding: 'utf8' });
  return r.status === 0;
}

function buildNativeForElectron() {
  if (existsSync(target)) return;
  console.log(`Building the SQLite driver for Electron ${electronVersion} (once)...`);
  const src = join(root, 'node_modules', 'better-sqlite3');
  const work = join(nativeDir, 'build-src');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(nativeDir, { recursive: true });
  cpSync(src, work, { recursive: true, filter: (p) => !p.includes(`${join('build', 'Release')}`) });
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (/^npm_config_(nodedir|target|runtime|disturl)$/i.test(k)) delete env[k];
  const prebuild = join(root, 'node_modules', 'prebuild-install', 'bin.js');
  const ok =
    run(process.execPath, [prebuild, '--runtime', 'electron', '--target', electronVersion, '--arch', process.arch], { cwd: work, env }) ||
    run('npm', ['exec', '--yes', '--', 'node-gyp', 'rebuild', '--release', '--runtime=electron', `--target=${electronVersion}`,
      '--dist-url=https://electronjs.org/headers', `--arch=${process.arch}`], { cwd: work, env, shell: process.platform === 'win32' });
  const built = join(work, 'build', 'Release', 'better_sqlite3.node');
  if (!ok || !existsSync(built)) {
    console.error('Could not build the SQLite driver for Electron (is there an internet connection?).');
    process.exit(1);
  }
  if (isNodeAbi(built)) {
    console.error('The SQLite driver was built for Node, not for Electron (node-gyp used the wrong headers).');
    process.exit(1);
  }
  copyFileSync(built, target);
  rmSync(work, { recursive: true, force: true });
}

buildNativeForElectron();
if (!run('npx', ['electron-vite', 'build'], { cwd: root, shell: process.platform === 'win32' })) process.exit(1);
const electronBin = require('electron');
const ok = run(electronBin, ['.'], { cwd: root, env: { ...process.env, PASSERELLE_NATIVE_BINDING: target } });
process.exit(ok ? 0 : 1);
