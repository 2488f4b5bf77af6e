/**
 * The `connection.*` channels belong to a desktop (electron/remote/desktop-mode.ts answers them
 * before any router sees the call): a vault's router, embedded or on the office server, refuses
 * them, so a client can never reconfigure a desktop through the server.
 */
import { AppError } from '../../shared/errors';
import type { Handlers } from './router';

type ConnectionChannel = 'connection.status' | 'connection.connect' | 'connection.confirmCertificate' | 'connection.disconnect';

function refuse(): never {
  throw new AppError('FORBIDDEN', 'desktopOnly');
}

export const desktopConnectionRefusals: Pick<Handlers, ConnectionChannel> = {
  'connection.status': refuse,
  'connection.connect': refuse,
  'connection.confirmCertificate': refuse,
  'connection.disconnect': refuse,
};
