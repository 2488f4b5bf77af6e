import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './date-format';

describe('date formats', () => {
  it('writes a calendar date as dd-mm-yyyy without shifting it', () => {
    expect(formatDate('2025-03-07')).toBe('07-03-2025');
  });

  it('writes a timestamp as local dd-mm-yyyy and dd-mm-yyyy HH:mm', () => {
    const local = new Date(2024, 0, 5, 9, 4);
    expect(formatDate(local)).toBe('05-01-2024');
    expect(formatDateTime(local)).toBe('05-01-2024 09:04');
    expect(formatDateTime(local.toISOString())).toBe('05-01-2024 09:04');
  });

  it('leaves text that is not a date as it is', () => {
    expect(formatDate('unknown')).toBe('unknown');
    expect(formatDateTime('unknown')).toBe('unknown');
  });
});
