import { describe, expect, it } from 'vitest';
import { compareGroups } from './fingerprint-compare';

const FP = '25649 76885 15475 53396 20630 77102 87778 23602 71803 47524 77523 66567';

describe('compareGroups', () => {
  it('counts matching groups as they are typed, ignoring separators', () => {
    expect(compareGroups('', FP)).toEqual({ matching: 0, firstMismatch: null, complete: false, invalid: false });
    expect(compareGroups('25649-7688', FP)).toMatchObject({ matching: 1, firstMismatch: null, complete: false });
    expect(compareGroups('25649 76885\n15475.53396', FP)).toMatchObject({ matching: 4, complete: false });
  });

  it('is complete only for all 60 digits', () => {
    expect(compareGroups(FP, FP)).toEqual({ matching: 12, firstMismatch: null, complete: true, invalid: false });
    expect(compareGroups(FP.replace(/ /g, ''), FP).complete).toBe(true);
  });

  it('names the first group that differs', () => {
    const typed = FP.replace('15475', '15476');
    expect(compareGroups(typed, FP)).toMatchObject({ matching: 2, firstMismatch: 3, complete: false });
  });

  it('flags letters and too many digits', () => {
    expect(compareGroups('2564a', FP).invalid).toBe(true);
    expect(compareGroups(`${FP} 1`, FP)).toMatchObject({ invalid: true, complete: false });
  });
});
