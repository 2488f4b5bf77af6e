/**
 * The SQLite driver is a native module: tests and the CLI load the build made for Node's ABI in
 * node_modules; the app loads a separate build for Electron's ABI, made by `npm start`
 * (scripts/start.mjs) into .electron-native/ or shipped in the packaged app's resources.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export function electronNativeBinding(
  appPath: string,
  resourcesPath: string,
  electronVersion: string,
  packaged: boolean,
): string | undefined {
  const name = `better_sqlite3-electron-${electronVersion}.node`;
  const candidates = [
    // Only `npm start` (not a packaged app) may point elsewhere.
    packaged ? undefined : process.env.PASSERELLE_NATIVE_BINDING,
    join(resourcesPath, 'native', name),
    join(appPath, '.electron-native', name),
  ];
  return candidates.find((p): p is string => typeof p === 'string' && existsSync(p));
}
