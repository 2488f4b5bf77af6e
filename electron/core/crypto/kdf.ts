/**
 * Password-based key derivation for key slots: argon2id with per-slot salt and parameters.
 * The floor is the minimum (64 MiB, t=3, p=4); set-up calibrates upwards so that
 * one unlock takes about a second on the machine that creates the vault.
 */
import argon2 from 'argon2';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';

export const KDF_FLOOR = { memoryKiB: 65_536, iterations: 3, parallelism: 4 } as const;
/** The most iterations calibration ever chooses; also the cap an unlock accepts. */
export const KDF_MAX_ITERATIONS = 40;
const CALIBRATION_MEMORY_KIB = 131_072;

/** Strict, with bounds: a key-slot file edited to weaken or to hang the KDF is refused as damaged. */
export const kdfParamsSchema = z.strictObject({
  alg: z.literal('argon2id'),
  memoryKiB: z.number().int().min(KDF_FLOOR.memoryKiB).max(1_048_576),
  iterations: z.number().int().min(KDF_FLOOR.iterations).max(64),
  parallelism: z.number().int().min(KDF_FLOOR.parallelism).max(16),
  salt: z.string().regex(/^[A-Za-z0-9_-]{22,}$/),
});
export type KdfParams = z.infer<typeof kdfParamsSchema>;
export type KdfCost = Omit<KdfParams, 'alg' | 'salt'>;

export function newKdfParams(cost: KdfCost): KdfParams {
  return { alg: 'argon2id', ...cost, salt: randomBytes(16).toString('base64url') };
}

/** Derives the 32-byte key-encryption key of a slot. */
export async function deriveSlotKey(secret: string, params: KdfParams): Promise<Buffer> {
  return argon2.hash(secret, {
    type: argon2.argon2id,
    memoryCost: params.memoryKiB,
    timeCost: params.iterations,
    parallelism: params.parallelism,
    salt: Buffer.from(params.salt, 'base64url'),
    hashLength: 32,
    raw: true,
  });
}

/**
 * Chooses KDF costs for a new vault: 128 MiB, p=4, and as many iterations (at least 3) as fit
 * in about `targetMs` on this machine. `profile: 'minimum'` returns the floor (scripts, tests).
 */
export async function calibrateKdf(
  targetMs = 1000,
  now: () => number = () => performance.now(),
): Promise<KdfCost> {
  const probe: KdfCost = { memoryKiB: CALIBRATION_MEMORY_KIB, iterations: 3, parallelism: 4 };
  const start = now();
  await deriveSlotKey('calibration', newKdfParams(probe));
  const elapsed = Math.max(1, now() - start);
  const iterations = Math.min(KDF_MAX_ITERATIONS, Math.max(3, Math.round((probe.iterations * targetMs) / elapsed)));
  return { ...probe, iterations };
}

/**
 * The costs set-up can choose: the floor, or 128 MiB with p=4 and 3 to 40 passes (calibrateKdf).
 * Anything else in a key-slot file was written by hand: refused before the KDF runs, so a crafted
 * file cannot make an unlock take minutes or a right password fail as "wrong".
 */
export function kdfCostAccepted(cost: KdfCost): boolean {
  if (cost.parallelism !== KDF_FLOOR.parallelism) return false;
  if (cost.memoryKiB === KDF_FLOOR.memoryKiB) return cost.iterations === KDF_FLOOR.iterations;
  return cost.memoryKiB === CALIBRATION_MEMORY_KIB && cost.iterations >= KDF_FLOOR.iterations && cost.iterations <= KDF_MAX_ITERATIONS;
}

export type KdfProfile = 'calibrated' | 'minimum';

export async function kdfCostFor(profile: KdfProfile): Promise<KdfCost> {
  return profile === 'minimum' ? { ...KDF_FLOOR } : calibrateKdf();
}
