/**
 * The desktop adapters of reminders with a stand-in for Electron (its binary is not available to the
 * tests): the notifier shows exactly the title and body it is given and opens the dashboard on a click;
 * the tray appears and disappears with the preference, in the desktop's language.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../core/ports';

const shown: { title: string; body: string; handlers: Record<string, () => void> }[] = [];
const trays: { tooltip: string; menu: { label?: string; click?: () => void }[]; destroyed: boolean; handlers: Record<string, () => void> }[] = [];
let supported = true;

vi.mock('electron', () => {
  class Notification {
    static isSupported = () => supported;
    private readonly entry: (typeof shown)[number];
    constructor(options: { title: string; body: string }) {
      this.entry = { title: options.title, body: options.body, handlers: {} };
    }
    on(event: string, fn: () => void) {
      this.entry.handlers[event] = fn;
      return this;
    }
    show() {
      shown.push(this.entry);
    }
  }
  class Tray {
    private readonly entry: (typeof trays)[number] = { tooltip: '', menu: [], destroyed: false, handlers: {} };
    constructor() {
      trays.push(this.entry);
    }
    on(event: string, fn: () => void) {
      this.entry.handlers[event] = fn;
    }
    setToolTip(text: string) {
      this.entry.tooltip = text;
    }
    setContextMenu(menu: { items: { label?: string; click?: () => void }[] }) {
      this.entry.menu = menu.items;
    }
    destroy() {
      this.entry.destroyed = true;
    }
  }
  return {
    Notification,
    Tray,
    Menu: { buildFromTemplate: (items: unknown[]) => ({ items }) },
    nativeImage: { createFromBitmap: (buffer: Buffer, size: { width: number; height: number }) => ({ buffer, size }) },
  };
});

const { electronNotifier, ReminderTray } = await import('./reminders-desktop');

beforeEach(() => {
  shown.length = 0;
  trays.length = 0;
  supported = true;
});

describe('electron notifier', () => {
  it('shows the title and body it is given, and a click opens the dashboard', () => {
    const onClick = vi.fn();
    const notifier = electronNotifier(onClick, silentLogger);
    notifier.notify({ title: 'Reflection period ends in 3 days: PAY-2026-0007', body: 'Open Passerelle to see the deadline.' });
    expect(shown).toMatchObject([{ title: 'Reflection period ends in 3 days: PAY-2026-0007', body: 'Open Passerelle to see the deadline.' }]);
    shown[0]?.handlers.click?.();
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it('refuses (so nothing is recorded as fired) when the system has no notifications', () => {
    supported = false;
    const notifier = electronNotifier(() => undefined, silentLogger);
    expect(notifier.supported).toBe(false);
    expect(() => notifier.notify({ title: 't', body: 'b' })).toThrow();
    expect(shown).toEqual([]);
  });
});

describe('reminder tray', () => {
  it('appears with the preference, in the desktop language, opens and quits; disappears when turned off', () => {
    const open = vi.fn();
    const quit = vi.fn();
    const tray = new ReminderTray({ open, quit, language: () => 'fr' });
    expect(tray.active).toBe(false);
    tray.set(true);
    expect(tray.active).toBe(true);
    expect(trays).toHaveLength(1);
    expect(trays[0]?.tooltip).toBe('Passerelle : rappels de délais');
    const labels = trays[0]?.menu.map((m) => m.label).filter(Boolean);
    expect(labels).toEqual(['Ouvrir Passerelle', 'Quitter Passerelle']);
    trays[0]?.menu.find((m) => m.label === 'Ouvrir Passerelle')?.click?.();
    trays[0]?.handlers.click?.();
    trays[0]?.menu.find((m) => m.label === 'Quitter Passerelle')?.click?.();
    expect(open).toHaveBeenCalledTimes(2);
    expect(quit).toHaveBeenCalledTimes(1);
    tray.set(true); // again: the same icon, its menu rebuilt
    expect(trays).toHaveLength(1);
    tray.set(false);
    expect(tray.active).toBe(false);
    expect(trays[0]?.destroyed).toBe(true);
  });
});
