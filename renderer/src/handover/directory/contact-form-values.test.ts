import { describe, expect, it } from 'vitest';
import { DIRECTORY_SEED } from '../../../../shared/directory';
import { changedFields, fromContactFields, toContactFields, validateContact } from './contact-form-values';

const payoke = DIRECTORY_SEED.entries.find((e) => e.id === 'be-payoke')!;

describe('contact form values', () => {
  it('round-trips a seed entry, lists one per line', () => {
    const values = fromContactFields('BE', payoke);
    expect(values.phones).toBe('+32 (0)3 201 16 90');
    expect(toContactFields(values)).toEqual({
      category: payoke.category,
      name: payoke.name,
      address: payoke.address,
      postalAddress: payoke.postalAddress,
      phones: payoke.phones,
      faxes: payoke.faxes,
      emails: payoke.emails,
      websites: payoke.websites,
      notes: payoke.notes,
    });
  });

  it('sends only the fields that changed', () => {
    const values = { ...fromContactFields('BE', payoke), phones: '+32 3 201 16 99\n\n  +32 3 201 16 98 ' };
    expect(changedFields(payoke, toContactFields(values))).toEqual({ phones: ['+32 3 201 16 99', '+32 3 201 16 98'] });
  });

  it('checks with the contract schema', () => {
    const values = { ...fromContactFields('BE', payoke), phones: '03 201 16 90', websites: 'payoke.be' };
    const result = validateContact(values);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path[0])).toEqual(expect.arrayContaining(['phones', 'websites']));
  });
});
