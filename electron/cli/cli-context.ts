/**
 * The context every CLI command runs in: its input and output streams, the logger, and whether to
 * say more. Apart from cli-kit.ts so that cli-session.ts can take it without importing the kit that
 * imports it.
 */
import type { Logger } from '../core/ports';
import type { SecretInput } from './secrets';

export interface CliIo {
  stdin: SecretInput;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

export interface Context {
  io: CliIo;
  logger: Logger;
  verbose: boolean;
}
