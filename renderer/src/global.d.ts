import type { PasserelleApi } from '../../shared/ipc/contract';

declare global {
  interface Window {
    /**
     * Exposed by the preload (or by the end-to-end test bridge). Optional here on purpose:
     * the client checks it is present and reports a clear error when it is not.
     */
    readonly passerelle?: PasserelleApi;
  }
}

export {};
