/**
 * The version every editable record carries (docs/team-server.md "Concurrent edits"): sent back with
 * an update as `expectedVersion`; a write made on an older version is refused with CONFLICT.
 */
import { z } from 'zod';

/** The version a record view carries: 1 for a record never changed since versions exist. */
export const recordVersionSchema = z.number().int().min(1);

/** Optional on every update: without it the write is applied as before (the CLI, older callers). */
export const expectedVersionSchema = recordVersionSchema.optional();
