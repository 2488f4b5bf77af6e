import { describe, expect, it } from 'vitest';
import { groupMatches, pickGroupsToConfirm, recoveryKeyGroups } from './recovery-key';

describe('recovery key groups', () => {
  it('cuts an ungrouped key into groups of four', () => {
    expect(recoveryKeyGroups('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')).toEqual([
      'ABCD', 'EFGH', 'IJKL', 'MNOP', 'QRST', 'UVWX', 'YZ23', '4567',
    ]);
  });

  it('keeps the groups of a key that arrives grouped', () => {
    expect(recoveryKeyGroups('abcde-fghij klmno')).toEqual(['ABCDE', 'FGHIJ', 'KLMNO']);
  });

  it('compares typed groups without case, spaces or dashes', () => {
    expect(groupMatches(' ab-cd ', 'ABCD')).toBe(true);
    expect(groupMatches('ABCE', 'ABCD')).toBe(false);
  });

  it('picks two different groups in ascending order', () => {
    for (let i = 0; i < 200; i++) {
      const [a, b] = pickGroupsToConfirm(8);
      expect(a).toBeGreaterThanOrEqual(0);
      expect(b).toBeLessThan(8);
      expect(a).toBeLessThan(b);
    }
    expect(pickGroupsToConfirm(8, () => 3)).toEqual([3, 4]);
  });
});
