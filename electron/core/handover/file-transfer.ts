/**
 * Files crossing IPC as standard base64 text. The contract caps the text's length
 * (zod, before this runs); here the alphabet is checked in one linear pass and the text decoded.
 * Buffer.from(…, 'base64') silently skips characters outside the alphabet, so without the check a
 * corrupted transfer could decode to other bytes instead of being refused.
 */
import { AppError } from '../../../shared/errors';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function unreadable(): AppError {
  return new AppError('VALIDATION', 'fileUnreadable', undefined, {
    fields: [{ path: 'fileBase64', code: 'invalid_base64', message: 'Not base64' }],
  });
}

export function decodeFileBase64(text: string): Buffer {
  if (text.length === 0 || text.length % 4 === 1 || !BASE64.test(text)) throw unreadable();
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length === 0) throw unreadable();
  return bytes;
}

export function encodeFile(fileName: string, bytes: Uint8Array): { fileName: string; contentBase64: string; bytes: number } {
  return { fileName, contentBase64: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'), bytes: bytes.byteLength };
}
