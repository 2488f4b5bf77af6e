/**
 * The column mapping of the Import screen (docs/import.md "The mapping file"): a select per person
 * field, the dates-of-birth precision, and the procedure events (country from a column or one for
 * every row, type and date from columns). It edits the same mapping object the CLI reads from JSON.
 */
import { Button, Fieldset, Group, NativeSelect, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { COUNTRIES } from '../../../shared/domain';
import { MAPPABLE_FIELDS, MAX_MAPPED_EVENTS, type EventMapping, type ImportMapping } from '../../../shared/import/mapping.schema';

interface MappingFormProps {
  headers: string[];
  mapping: ImportMapping;
  onChange: (mapping: ImportMapping) => void;
  disabled?: boolean;
}

const FIXED = 'fixed:';
const COLUMN = 'column:';

export function MappingForm({ headers, mapping, onChange, disabled }: MappingFormProps) {
  const { t } = useTranslation();
  const columnOptions = [{ value: '', label: t('spreadsheetImport.noColumn') }, ...headers.filter((h) => h !== '').map((h) => ({ value: h, label: h }))];
  const eventColumnOptions = [{ value: '', label: t('spreadsheetImport.noColumn') }, ...headers.filter((h) => h !== '').map((h) => ({ value: `${COLUMN}${h}`, label: h }))];
  const setEvent = (index: number, event: EventMapping) => onChange({ ...mapping, events: mapping.events.map((e, i) => (i === index ? event : e)) });
  const firstHeader = headers.find((h) => h !== '') ?? '';

  return (
    <Stack gap="md">
      <Title order={2} size="h4">
        {t('spreadsheetImport.mappingTitle')}
      </Title>
      <Text size="sm">{t('spreadsheetImport.mappingIntro')}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
        {MAPPABLE_FIELDS.map((field) => (
          <NativeSelect
            key={field}
            label={t(`spreadsheetImport.fields.${field}`)}
            data={columnOptions}
            value={mapping.columns[field] ?? ''}
            disabled={disabled}
            data-testid={`import-field-${field}`}
            onChange={(event) => {
              const value = event.currentTarget.value;
              const columns = { ...mapping.columns };
              if (value) columns[field] = value;
              else delete columns[field];
              onChange({ ...mapping, columns });
            }}
          />
        ))}
        <NativeSelect
          label={t('spreadsheetImport.dobPrecision')}
          data={[
            { value: 'exact', label: t('spreadsheetImport.dobExact') },
            { value: 'approximate', label: t('spreadsheetImport.dobApproximate') },
          ]}
          value={mapping.dateOfBirthPrecision}
          disabled={disabled}
          onChange={(event) => onChange({ ...mapping, dateOfBirthPrecision: event.currentTarget.value === 'approximate' ? 'approximate' : 'exact' })}
        />
      </SimpleGrid>

      <Title order={2} size="h4">
        {t('spreadsheetImport.eventsTitle')}
      </Title>
      <Text size="sm">{t('spreadsheetImport.eventsIntro')}</Text>
      {mapping.events.map((event, index) => {
        const n = index + 1;
        const countryValue = 'column' in event.country ? `${COLUMN}${event.country.column}` : `${FIXED}${event.country.value}`;
        return (
          <Fieldset key={index} legend={t('spreadsheetImport.eventN', { n })} data-testid={`import-event-${n}`}>
            <Group align="flex-end" wrap="wrap" gap="sm">
              <NativeSelect
                label={t('spreadsheetImport.eventCountry')}
                disabled={disabled}
                data={[
                  ...COUNTRIES.map((c) => ({ value: `${FIXED}${c}`, label: t(`countries.${c}`) })),
                  { group: t('spreadsheetImport.eventCountryColumn'), items: eventColumnOptions.filter((o) => o.value !== '') },
                ]}
                value={countryValue}
                data-testid={`import-event-${n}-country`}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  const fixed = COUNTRIES.find((c) => v === `${FIXED}${c}`);
                  setEvent(index, { ...event, country: fixed ? { value: fixed } : { column: v.slice(COLUMN.length) } });
                }}
              />
              <NativeSelect
                label={t('spreadsheetImport.eventType')}
                disabled={disabled}
                data={eventColumnOptions.filter((o) => o.value !== '')}
                value={'column' in event.type ? `${COLUMN}${event.type.column}` : ''}
                data-testid={`import-event-${n}-type`}
                onChange={(e) => setEvent(index, { ...event, type: { column: e.currentTarget.value.slice(COLUMN.length) } })}
              />
              <NativeSelect
                label={t('spreadsheetImport.eventDate')}
                disabled={disabled}
                data={eventColumnOptions.filter((o) => o.value !== '')}
                value={`${COLUMN}${event.date.column}`}
                data-testid={`import-event-${n}-date`}
                onChange={(e) => setEvent(index, { ...event, date: { column: e.currentTarget.value.slice(COLUMN.length) } })}
              />
              <Button
                variant="outline"
                color="red.9"
                disabled={disabled}
                onClick={() => onChange({ ...mapping, events: mapping.events.filter((_, i) => i !== index) })}
              >
                {t('spreadsheetImport.removeEvent', { n })}
              </Button>
            </Group>
          </Fieldset>
        );
      })}
      {mapping.events.length < MAX_MAPPED_EVENTS && firstHeader ? (
        <Group>
          <Button
            variant="light"
            disabled={disabled}
            data-testid="import-add-event"
            onClick={() =>
              onChange({ ...mapping, events: [...mapping.events, { country: { value: 'BE' }, type: { column: firstHeader }, date: { column: firstHeader } }] })
            }
          >
            {t('spreadsheetImport.addEvent')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
