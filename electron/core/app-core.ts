/**
 * Builds every service with plain `new` and wires the router. electron/main, the CLI and the
 * end-to-end test bridge all start from here, so they run the same code.
 */
import type { EventName, EventPayload } from '../../shared/ipc/contract';
import { AuditService } from './audit/audit.service';
import { AutoLock } from './auto-lock';
import type { KdfProfile } from './crypto/kdf';
import type { Clock, Logger, PreferencesStore } from './ports';
import { createRouter, type Router } from './router';
import { SettingsService } from './settings/settings.service';
import { UsersService } from './users/users.service';
import { VaultService, type VaultOptions } from './vault/vault.service';

export interface CoreOptions {
  vaultDir: string;
  migrationsFolder: string;
  clock: Clock;
  logger: Logger;
  prefs: PreferencesStore;
  kdfProfile?: KdfProfile;
  afterRekeyStep?: VaultOptions['afterRekeyStep'];
}

export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface Core {
  vault: VaultService;
  users: UsersService;
  settings: SettingsService;
  audit: AuditService;
  autoLock: AutoLock;
  router: Router;
  onEvent(listener: EventListener): () => void;
  /** Locks and releases the vault (app quit). */
  dispose(): void;
}

/** Channels that do not count as the user being active (background polling). */
const PASSIVE_CHANNELS = new Set(['app.status', 'prefs.get']);

export function createCore(options: CoreOptions): Core {
  const vault = new VaultService({
    dir: options.vaultDir,
    migrationsFolder: options.migrationsFolder,
    clock: options.clock,
    logger: options.logger,
    ...(options.kdfProfile ? { kdfProfile: options.kdfProfile } : {}),
    ...(options.afterRekeyStep ? { afterRekeyStep: options.afterRekeyStep } : {}),
  });
  const users = new UsersService(vault);
  const settings = new SettingsService(vault);
  const audit = new AuditService(vault);
  const autoLock = new AutoLock(options.clock, () => vault.lock('idle'));
  const listeners = new Set<EventListener>();

  vault.onChange((change) => {
    if (change.state === 'unlocked') autoLock.start(settings.current().autoLockMinutes);
    else autoLock.stop();
    for (const l of listeners) l('session.changed', { state: change.state, reason: change.reason });
  });
  settings.onChange((s) => autoLock.setTimeoutMinutes(s.autoLockMinutes));

  const router = createRouter(
    {
      'app.status': () => {
        const state = vault.state();
        const unlocked = state === 'unlocked';
        return {
          state,
          organisation: unlocked ? settings.organisation() : null,
          user: vault.session(),
          autoLockMinutes: unlocked ? settings.current().autoLockMinutes : 0,
        };
      },
      'prefs.get': () => ({ language: options.prefs.getLanguage() }),
      'prefs.set': ({ language }) => {
        options.prefs.setLanguage(language);
        return { language: options.prefs.getLanguage() };
      },
      'vault.setup': (input) => vault.create(input),
      'session.unlock': ({ username, password }) => vault.unlock(username, password),
      'session.lock': () => {
        vault.lock('manual');
        return null;
      },
      'session.activity': () => null,
      'session.recover': async ({ recoveryKey, username, newPassword }) => {
        await vault.recover(recoveryKey, username, newPassword);
        return null;
      },
      'users.list': () => users.list(),
      'users.add': (input) => users.add(input),
      'users.setRole': (input) => users.setRole(input),
      'users.disable': async (input) => {
        await users.disable(input);
        return null;
      },
      'users.changePassword': async (input) => {
        await users.changeOwnPassword(input);
        return null;
      },
      'settings.get': () => settings.get(),
      'settings.update': (input) => settings.update(input),
      'audit.list': (input) => audit.latest(input),
      'audit.verify': () => audit.verify(),
    },
    {
      gate: vault,
      logger: options.logger,
      onActivity: (channel) => {
        if (!PASSIVE_CHANNELS.has(channel)) autoLock.activity();
      },
    },
  );

  return {
    vault,
    users,
    settings,
    audit,
    autoLock,
    router,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      vault.lock('manual');
      autoLock.stop();
    },
  };
}
