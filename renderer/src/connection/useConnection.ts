/**
 * This desktop's connection to an office server (`connection.status`), kept fresh by the
 * `connection.changed` event: connected, disconnected, or the server's certificate changed.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ConnectionStatus } from '../../../shared/team/connection.schema';
import { call, onEvent } from '../api/client';

export function useConnection(onChanged: () => void): { connection: ConnectionStatus | null; refreshConnection: () => Promise<void> } {
  const [connection, setConnection] = useState<ConnectionStatus | null>(null);
  const refreshConnection = useCallback(async () => {
    try {
      setConnection(await call('connection.status', {}));
    } catch {
      // Keep the last known state; the app's status shows what failed.
    }
  }, []);
  useEffect(() => {
    void refreshConnection();
    return onEvent('connection.changed', () => {
      void refreshConnection();
      onChanged();
    });
  }, [refreshConnection, onChanged]);
  return { connection, refreshConnection };
}
