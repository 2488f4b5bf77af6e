/**
 * Strict encodings for the handover formats. Pure: used by electron/core (Node) and the renderer.
 *
 * Why strict base64url: decoders (Node's Buffer, the WHATWG atob that jose uses on Node 20) ignore the
 * unused low bits of the last character, so "QQ" and "QR" decode to the same byte. A package whose
 * ciphertext or tag ended in such a character would still decrypt after a bit flip there. Every
 * base64url segment Passerelle reads must therefore be canonical: only the URL-safe alphabet, no
 * padding, no whitespace, a length that is not 1 mod 4, and zero unused bits.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i;

/** True when `s` is the one and only unpadded base64url spelling of some bytes (optionally of `byteLength` bytes). */
export function isCanonicalBase64url(s: string, byteLength?: number): boolean {
  const n = s.length;
  if (n % 4 === 1) return false;
  if (byteLength !== undefined && base64urlLength(byteLength) !== n) return false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || (VALUE[c] ?? -1) < 0) return false;
  }
  if (n === 0) return true;
  const last = VALUE[s.charCodeAt(n - 1)] ?? 0;
  if (n % 4 === 2) return (last & 0x0f) === 0;
  if (n % 4 === 3) return (last & 0x03) === 0;
  return true;
}

/** The length of the unpadded base64url spelling of `bytes` bytes. */
export function base64urlLength(bytes: number): number {
  return Math.floor(bytes / 3) * 4 + [0, 2, 3][bytes % 3]!;
}

export const HEX64 = /^[0-9a-f]{64}$/;
export const HEX32 = /^[0-9a-f]{32}$/;

/** ISO 8601 UTC with milliseconds, exactly as `Date.prototype.toISOString` writes it. */
export const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function isIsoInstant(s: string): boolean {
  if (!ISO_INSTANT.test(s)) return false;
  const d = new Date(s);
  return !Number.isNaN(d.getTime()) && d.toISOString() === s;
}

/**
 * Iterative walk of a parsed JSON value: its nesting depth must stay within `maxDepth`, and no object
 * may have a key `__proto__`, `constructor` or `prototype` (so no later code that copies or merges the
 * data can be steered into prototype pollution). Recursion-free, so a deeply nested input cannot
 * exhaust the stack here.
 */
export function isSafeJson(value: unknown, maxDepth: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v === 'string' || typeof v === 'boolean') continue;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return false;
      continue;
    }
    if (typeof v !== 'object') return false;
    if (depth >= maxDepth) return false;
    if (Array.isArray(v)) {
      for (const x of v) stack.push([x, depth + 1]);
      continue;
    }
    for (const k of Object.keys(v)) {
      if (k === '__proto__' || k === 'constructor' || k === 'prototype') return false;
      stack.push([(v as Record<string, unknown>)[k], depth + 1]);
    }
    // JSON.parse makes an own "__proto__" key that Object.keys lists; anything else is no parsed JSON.
    if (Object.getPrototypeOf(v) !== Object.prototype) return false;
  }
  return true;
}
