import { Checkbox, Select, Stack } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { EU_EEA_CH_CODES, type IsoCountryCode } from '../../../../shared/persons/iso-codes';
import { RESIDENCE_STATUS_LABELS, RESIDENCE_STATUSES, defaultResidenceStatus } from '../../../../shared/persons/residence-status';
import { pick, useLanguage } from '../../format/labels';
import type { PersonFormValues } from '../person-form-values';

/**
 * The facts the legal rules read besides age: the residence status (derived from the nationalities
 * unless staff set it) and, for a minor, the Luxembourg triggers for a guardian and an ad hoc
 * administrator (docs/legal-rules.md).
 */
export function ResidenceAndMinorFacts({ form }: { form: UseFormReturnType<PersonFormValues> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const nationalities = form.values.nationalities as IsoCountryCode[];
  const derived = defaultResidenceStatus(nationalities.length === 0 || nationalities.every((n) => !EU_EEA_CH_CODES.includes(n)));
  return (
    <Stack gap="xs">
      <Select
        label={t('personForm.residenceStatus')}
        description={t('personForm.residenceStatusHelp')}
        data={[
          { value: '', label: t('personForm.residenceStatusDerived', { status: pick(RESIDENCE_STATUS_LABELS[derived], language) }) },
          ...RESIDENCE_STATUSES.map((s) => ({ value: s, label: pick(RESIDENCE_STATUS_LABELS[s], language) })),
        ]}
        allowDeselect={false}
        {...form.getInputProps('residenceStatus')}
      />
      <Checkbox label={t('personForm.parentalConflict')} {...form.getInputProps('parentalConflict', { type: 'checkbox' })} />
      <Checkbox label={t('personForm.parentsArePerpetrators')} {...form.getInputProps('parentsArePerpetrators', { type: 'checkbox' })} />
    </Stack>
  );
}
