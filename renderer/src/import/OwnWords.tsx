/**
 * The sheet's own words (the mapping file's `values`, docs/import.md): after a dry run, every value
 * Passerelle did not recognise (a country, language, gender word or event type) gets a select to say
 * what it means. The choice goes into the mapping; the next dry run reads the word with it, and the
 * import remembers it with the organisation's mapping.
 */
import { NativeSelect, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../shared/import/import.schema';
import type { ImportMapping } from '../../../shared/import/mapping.schema';
import { ISO_COUNTRY_CODES, ISO_LANGUAGE_CODES } from '../../../shared/persons/iso-codes';
import { GENDERS } from '../../../shared/persons/person.schema';
import { RULE_TABLES } from '../../../shared/rules/index';
import { codeOptions, countryName, languageName, pick, useLanguage } from '../format/labels';

type Kind = keyof ImportMapping['values'];
const KIND_OF: Partial<Record<string, Kind>> = {
  countryUnknown: 'country',
  languageUnknown: 'language',
  genderUnknown: 'gender',
  eventTypeUnknown: 'eventType',
};

interface OwnWordsProps {
  report: ImportReport;
  mapping: ImportMapping;
  onChange: (mapping: ImportMapping) => void;
}

export function OwnWords({ report, mapping, onChange }: OwnWordsProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const words = new Map<string, { kind: Kind; value: string; column: string }>();
  for (const row of report.rows) {
    for (const p of row.problems) {
      const kind = KIND_OF[p.code];
      if (kind && p.value) words.set(`${kind}:${p.value}`, { kind, value: p.value, column: p.column ?? '' });
    }
  }
  if (words.size === 0) return null;

  const eventOptions = (['BE', 'NL', 'LU'] as const).flatMap((country) =>
    RULE_TABLES[country].events.map((e) => ({ value: e.type, label: `${country}: ${pick(e.label, language)}` })),
  );
  const options: Record<Kind, { value: string; label: string }[]> = {
    country: codeOptions(ISO_COUNTRY_CODES, language, countryName),
    language: codeOptions(ISO_LANGUAGE_CODES, language, languageName),
    gender: GENDERS.map((g) => ({ value: g, label: t(`genders.${g}`) })),
    eventType: eventOptions.filter((o, i) => eventOptions.findIndex((x) => x.value === o.value) === i),
  };

  return (
    <Stack gap="sm" data-testid="import-own-words">
      <Title order={3} size="h5">
        {t('spreadsheetImport.ownWordsTitle')}
      </Title>
      <Text size="sm">{t('spreadsheetImport.ownWordsIntro')}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
        {[...words.values()].map((w) => (
          <NativeSelect
            key={`${w.kind}:${w.value}`}
            label={t('spreadsheetImport.ownWord', { value: w.value, column: w.column })}
            data={[{ value: '', label: t('spreadsheetImport.noColumn') }, ...options[w.kind]]}
            value={mapping.values[w.kind][w.value] ?? ''}
            onChange={(event) => {
              const chosen = event.currentTarget.value;
              const own: Record<string, string> = { ...mapping.values[w.kind] };
              if (chosen) own[w.value] = chosen;
              else delete own[w.value];
              onChange({ ...mapping, values: { ...mapping.values, [w.kind]: own } } as ImportMapping);
            }}
          />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
