import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { GUARDED_EVENTS, guardWebContents, type GuardableWebContents, type RefusedNavigation } from './navigation-policy';

/** A stand-in web contents: events are emitted as Electron would, with a preventable event object. */
class FakeWebContents extends EventEmitter implements GuardableWebContents {
  windowOpenHandler: (() => { action: 'deny' | 'allow' }) | null = null;
  setWindowOpenHandler(handler: () => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }
  /** Emits like Electron: the default action happens unless a listener called preventDefault(). */
  attempt(name: string): boolean {
    let prevented = false;
    this.emit(name, { preventDefault: () => (prevented = true) }, 'https://attacker.example/');
    return !prevented;
  }
}

describe('navigation policy for every web contents', () => {
  it('without the guard, navigation, redirects and webviews would go ahead', () => {
    const wc = new FakeWebContents();
    for (const name of GUARDED_EVENTS) expect(wc.attempt(name)).toBe(true);
  });

  it('refuses navigation, frame navigation, redirects, webview attachment and new windows', () => {
    const wc = new FakeWebContents();
    const refused: RefusedNavigation[] = [];
    guardWebContents(wc, (r) => refused.push(r));
    for (const name of GUARDED_EVENTS) expect(wc.attempt(name), name).toBe(false);
    expect(wc.windowOpenHandler?.()).toEqual({ action: 'deny' });
    expect(refused.map((r) => r.event)).toEqual([...GUARDED_EVENTS, 'window-open']);
  });

  it('guards will-redirect (a redirect during a navigation already under way)', () => {
    const wc = new FakeWebContents();
    guardWebContents(wc);
    expect(wc.attempt('will-redirect')).toBe(false);
  });

  it('tells the caller the kind of event only, never the URL', () => {
    const wc = new FakeWebContents();
    const refused: unknown[] = [];
    guardWebContents(wc, (r) => refused.push(r));
    wc.attempt('will-navigate');
    expect(JSON.stringify(refused)).not.toContain('attacker');
  });
});
