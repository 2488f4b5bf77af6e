/** Builds the core for the desktop app: real clock, file logger, electron-store preferences. */
import { join } from 'node:path';
import { createCore, type Core } from '../core/app-core';
import { systemClock } from '../core/ports';
import { setNativeBinding } from '../../db/connection';
import { createFileLogger } from './logger';
import { electronNativeBinding } from './native-binding';
import { createDesktopPreferences } from './prefs-store';

export interface AppPaths {
  appPath: string;
  resourcesPath: string;
  userData: string;
  electronVersion: string;
  packaged: boolean;
}

export function composeApp(paths: AppPaths): { core: Core; prefs: ReturnType<typeof createDesktopPreferences> } {
  setNativeBinding(electronNativeBinding(paths.appPath, paths.resourcesPath, paths.electronVersion, paths.packaged));
  const prefs = createDesktopPreferences();
  const logger = createFileLogger(join(paths.userData, 'logs'));
  const core = createCore({
    vaultDir: prefs.vaultDir() ?? join(paths.userData, 'vault'),
    migrationsFolder: join(paths.appPath, 'db', 'migrations'),
    clock: systemClock,
    logger,
    prefs,
  });
  return { core, prefs };
}
