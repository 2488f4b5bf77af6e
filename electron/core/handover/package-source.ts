/**
 * Reading a package file as lines, with the size cap enforced before the content is read:
 * - a byte array: its length is compared with the cap first;
 * - a file path: the file's size (fstat) is compared with the cap before one byte is read, and the
 *   count is kept while reading (a file that grows meanwhile is still cut off at the cap);
 * - a stream (any AsyncIterable of byte chunks, e.g. a Node Readable): bytes are counted as they
 *   arrive, and reading stops as soon as the count passes the cap.
 * Every line must end with '\n' and stay within the length the caller allows for it, so a file
 * without line breaks is never buffered beyond one line's limit.
 */
import { open } from 'node:fs/promises';
import { CallerFailure, Refusal } from './strict-jose';

export type PackageInput = Uint8Array | { path: string } | AsyncIterable<Uint8Array>;

const NL = 0x0a;
const READ_CHUNK = 1024 * 1024;

export interface LineReader {
  /** The next line without its '\n'; null at the end of the input. Throws a Refusal on a missing final '\n' or a line too long. */
  next(maxLineBytes: number): Promise<Uint8Array | null>;
  /** Bytes read so far. */
  readonly bytesRead: number;
  /** The size of the whole input when known before reading (bytes, a file); undefined for a stream. */
  readonly size: number | undefined;
  /** Releases the file or stream; never throws. */
  close(): Promise<void>;
}

function isAsyncIterable(x: unknown): x is AsyncIterable<Uint8Array> {
  return typeof x === 'object' && x !== null && Symbol.asyncIterator in x;
}

export async function openLineReader(input: PackageInput, maxBytes: number): Promise<LineReader> {
  if (input instanceof Uint8Array) return bytesReader(input, maxBytes);
  if (isAsyncIterable(input)) return streamReader(input[Symbol.asyncIterator](), maxBytes, undefined, async () => {});
  if (typeof input === 'object' && input !== null && typeof (input as { path?: unknown }).path === 'string') {
    return fileReader((input as { path: string }).path, maxBytes);
  }
  throw new TypeError('package input: bytes, { path } or an async iterable of bytes');
}

function bytesReader(bytes: Uint8Array, maxBytes: number): LineReader {
  if (bytes.length > maxBytes) throw new Refusal('oversize');
  let pos = 0;
  return {
    size: bytes.length,
    get bytesRead() {
      return pos;
    },
    async next(maxLineBytes) {
      if (pos >= bytes.length) return null;
      const end = bytes.indexOf(NL, pos);
      if (end < 0 || end - pos > maxLineBytes) throw new Refusal('malformed');
      const line = bytes.subarray(pos, end);
      pos = end + 1;
      return line;
    },
    async close() {},
  };
}

async function fileReader(path: string, maxBytes: number): Promise<LineReader> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, 'r');
  } catch (e) {
    throw new CallerFailure(e);
  }
  let size: number;
  try {
    ({ size } = await handle.stat());
    if (size > maxBytes) throw new Refusal('oversize');
  } catch (e) {
    await handle.close().catch(() => undefined);
    throw e instanceof Refusal ? e : new CallerFailure(e);
  }
  async function* chunks(): AsyncGenerator<Uint8Array> {
    for (;;) {
      const buf = Buffer.allocUnsafe(READ_CHUNK);
      let n: number;
      try {
        ({ bytesRead: n } = await handle.read(buf, 0, READ_CHUNK, null));
      } catch (e) {
        throw new CallerFailure(e);
      }
      if (n === 0) return;
      yield buf.subarray(0, n);
    }
  }
  return streamReader(chunks(), maxBytes, size, () => handle.close());
}

function streamReader(it: AsyncIterator<Uint8Array>, maxBytes: number, size: number | undefined, onClose: () => Promise<void>): LineReader {
  let total = 0;
  let consumed = 0;
  let pending: Uint8Array[] = [];
  let pendingLength = 0;
  // Parts of `pending` already searched for '\n' and their total length, so each byte is searched once.
  let searchedParts = 0;
  let searchedBytes = 0;
  let done = false;
  let closed = false;

  async function pull(): Promise<boolean> {
    if (done) return false;
    let r: IteratorResult<Uint8Array>;
    try {
      r = await it.next();
    } catch (e) {
      throw e instanceof Refusal || e instanceof CallerFailure ? e : new CallerFailure(e);
    }
    if (r.done) {
      done = true;
      return false;
    }
    const chunk = r.value;
    if (!(chunk instanceof Uint8Array)) throw new CallerFailure(new TypeError('a package stream yields bytes'));
    total += chunk.length;
    if (total > maxBytes) throw new Refusal('oversize');
    if (chunk.length > 0) {
      pending.push(chunk);
      pendingLength += chunk.length;
    }
    return true;
  }

  function takeLine(lineLength: number): Uint8Array {
    const all = pending.length === 1 ? pending[0]! : Buffer.concat(pending, pendingLength);
    const line = all.subarray(0, lineLength);
    const rest = all.subarray(lineLength + 1);
    pending = rest.length > 0 ? [rest] : [];
    pendingLength = rest.length;
    searchedParts = 0;
    searchedBytes = 0;
    consumed += lineLength + 1;
    return line;
  }

  return {
    size,
    get bytesRead() {
      return consumed;
    },
    async next(maxLineBytes) {
      for (;;) {
        while (searchedParts < pending.length) {
          const part = pending[searchedParts]!;
          const i = part.indexOf(NL);
          if (i >= 0) {
            const lineLength = searchedBytes + i;
            if (lineLength > maxLineBytes) throw new Refusal('malformed');
            return takeLine(lineLength);
          }
          searchedParts++;
          searchedBytes += part.length;
        }
        if (pendingLength > maxLineBytes) throw new Refusal('malformed');
        if (!(await pull())) {
          if (pendingLength === 0) return null;
          throw new Refusal('malformed'); // no final '\n': cut short
        }
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        await it.return?.();
      } catch {
        // a stream that fails to close changes nothing about the package
      }
      try {
        await onClose();
      } catch {
        // nor does a file handle that fails to close
      }
    },
  };
}
