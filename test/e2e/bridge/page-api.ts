/**
 * `window.passerelle` for a page served by the test bridge: the same PasserelleApi the preload
 * exposes in Electron (electron/preload/index.ts), over HTTP instead of IPC.
 *
 * This function is serialised (Function.prototype.toString) and run inside the page, by
 * Playwright's `addInitScript` in the fixtures or as /__bridge/page-api.js in the server's manual
 * mode. So it must be self-contained: no imports, no closures over module variables, and only
 * browser globals, reached through `globalThis` because the node tsconfig has no DOM types.
 */
export interface PageApiOptions {
  /** The contract's channel names (shared/ipc/channels.ts), the preload's allow-list. */
  channels: readonly string[];
  /** The contract's event names. */
  events: readonly string[];
  invokePath: string;
  eventsPath: string;
}

export function installPasserelleApi(options: PageApiOptions): void {
  interface MessageLike {
    data: string;
  }
  interface EventSourceLike {
    onmessage: ((message: MessageLike) => void) | null;
    close(): void;
  }
  interface PageGlobals {
    location: { protocol: string };
    EventSource: new (url: string) => EventSourceLike;
    fetch: (url: string, init: { method: string; headers: Record<string, string>; body: string }) => Promise<{
      json(): Promise<unknown>;
    }>;
    passerelle?: unknown;
  }
  const page = globalThis as unknown as PageGlobals;
  // about:blank and other non-bridge documents get nothing.
  if (page.location.protocol !== 'http:' || page.passerelle !== undefined) return;

  const channels = new Set(options.channels);
  const events = new Set(options.events);
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let source: EventSourceLike | null = null;

  function connect(): void {
    if (source) return;
    source = new page.EventSource(options.eventsPath);
    source.onmessage = (message) => {
      let frame: { event?: unknown; payload?: unknown };
      try {
        frame = JSON.parse(message.data) as { event?: unknown; payload?: unknown };
      } catch {
        return;
      }
      if (typeof frame.event !== 'string') return;
      for (const listener of [...(listeners.get(frame.event) ?? [])]) listener(frame.payload);
    };
  }

  const api = {
    invoke(channel: string, input: unknown): Promise<unknown> {
      // Like the preload: a channel outside the contract never leaves the page.
      if (!channels.has(channel)) {
        return Promise.resolve({ ok: false, error: { code: 'NOT_FOUND', key: 'notFound', message: 'Unknown channel.' } });
      }
      return page
        .fetch(options.invokePath, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ channel, input }),
        })
        .then((response) => response.json());
    },
    on(event: string, listener: (payload: unknown) => void): () => void {
      if (!events.has(event)) return () => undefined;
      connect();
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
  };
  // contextBridge hands the page a frozen, non-replaceable object; so does this.
  Object.defineProperty(globalThis, 'passerelle', { value: Object.freeze(api), enumerable: true, configurable: false, writable: false });
}

/**
 * The script the server serves at /__bridge/page-api.js for manual use. `__name` covers the helper
 * some TypeScript loaders (tsx/esbuild with keepNames) insert into function bodies.
 */
export function pageApiScript(options: PageApiOptions): string {
  return `var __name = globalThis.__name || function (f) { return f; };\n(${installPasserelleApi.toString()})(${JSON.stringify(options)});\n`;
}
