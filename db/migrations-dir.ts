import { fileURLToPath } from 'node:url';

/** The committed drizzle-kit migrations, when running from source (CLI, tests, bridge). */
export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations', import.meta.url));
