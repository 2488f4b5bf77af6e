import { describe, expect, it } from 'vitest';
import { consentCheck } from './consent-check';

const consent = { consentId: 'c', givenOn: '2026-11-29' as const, categories: ['identity', 'procedure'] as ('identity' | 'procedure')[] };

describe('consentCheck', () => {
  it('says when there is no consent for the partner', () => {
    expect(consentCheck(null, ['identity'], 0)).toEqual({ result: 'none' });
  });
  it('covers the chosen sections it lists', () => {
    expect(consentCheck(consent as never, ['identity', 'procedure'], 0)).toEqual({ result: 'covered' });
    expect(consentCheck(consent as never, [], 0)).toEqual({ result: 'covered' });
  });
  it('names what it lacks, attachments included', () => {
    expect(consentCheck(consent as never, ['identity', 'health'], 2)).toEqual({ result: 'notCovered', missing: ['health', 'attachments'] });
  });
});
