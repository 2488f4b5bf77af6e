/**
 * What every web contents of the app may do: nothing but show the page it was loaded with.
 *
 * The window shows one local page (a single-page app; its routes never load another document), so
 * any navigation, redirect, frame navigation, new window or `<webview>` can only come from injected
 * content or a bug, and is refused. Electron's security checklist asks for exactly these guards on
 * every web contents, not only the main window's: `app.on('web-contents-created')` in main calls
 * `guardWebContents` for each one as it is created (windows, devtools, anything a library opens).
 *
 * Pure and free of `electron` so that plain Node tests it with a stand-in web contents.
 */

/** The part of Electron's `WebContents` the guard uses (structurally satisfied by the real one). */
export interface GuardableWebContents {
  on(event: GuardedEvent, listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: () => { action: 'deny' }): void;
}

/**
 * Events whose default action is a change of document or a new embedded page.
 * - `will-navigate`: a link, form or `location` change in the top frame;
 * - `will-frame-navigate`: the same in any frame, including sub-frames;
 * - `will-redirect`: a server or protocol redirect during a navigation already under way;
 * - `will-attach-webview`: a `<webview>` tag (a full page with its own preferences) being attached.
 */
export const GUARDED_EVENTS = ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview'] as const;
export type GuardedEvent = (typeof GUARDED_EVENTS)[number];

export interface RefusedNavigation {
  event: GuardedEvent | 'window-open';
}

/**
 * Attaches the guards. `onRefused` gets the kind of event only (never the URL: a URL could carry
 * a search term or a case code typed by someone).
 */
export function guardWebContents(contents: GuardableWebContents, onRefused?: (refused: RefusedNavigation) => void): void {
  for (const name of GUARDED_EVENTS) {
    contents.on(name, (event) => {
      event.preventDefault();
      onRefused?.({ event: name });
    });
  }
  contents.setWindowOpenHandler(() => {
    onRefused?.({ event: 'window-open' });
    return { action: 'deny' };
  });
}
