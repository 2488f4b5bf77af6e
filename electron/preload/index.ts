/**
 * The bridge between the sandboxed renderer and main: exposes exactly the contract's channels
 * and events on `window.passerelle`, nothing else (no ipcRenderer, no Node).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANNEL_NAMES, EVENT_NAMES_LIST, IPC_EVENT_CHANNEL, IPC_PREFIX } from '../../shared/ipc/channels';

const channels = new Set<string>(CHANNEL_NAMES);
const events = new Set<string>(EVENT_NAMES_LIST);

contextBridge.exposeInMainWorld('passerelle', {
  invoke(channel: string, input: unknown): Promise<unknown> {
    if (!channels.has(channel)) {
      return Promise.resolve({ ok: false, error: { code: 'NOT_FOUND', key: 'notFound', message: 'Unknown channel.' } });
    }
    return ipcRenderer.invoke(IPC_PREFIX + channel, input);
  },
  on(event: string, listener: (payload: unknown) => void): () => void {
    if (!events.has(event)) return () => undefined;
    const handler = (_e: IpcRendererEvent, name: string, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(IPC_EVENT_CHANNEL, handler);
    return () => ipcRenderer.removeListener(IPC_EVENT_CHANNEL, handler);
  },
});
