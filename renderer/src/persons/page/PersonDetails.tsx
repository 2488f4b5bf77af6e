/** The person's record, read-only, in the sections of the form; forms of exploitation with their legal references. */
import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Country } from '../../../../shared/domain';
import { legalReference, type PersonRecord } from '../../../../shared/persons';
import { dateWithWeekday } from '../../format/deadline';
import { countryName, languageName, pick, useLanguage } from '../../format/labels';

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="detail-item">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** A titled group of terms; `empty` (a sentence, outside the list) when there is nothing to list. */
function Section({ title, empty, children }: { title: string; empty?: string | null; children?: React.ReactNode }) {
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h5" mb="xs">
        {title}
      </Title>
      {empty ? <Text c="dimmed">{empty}</Text> : <dl className="detail-list">{children}</dl>}
    </Paper>
  );
}

export function PersonDetails({ person, countries }: { person: PersonRecord; countries: Country[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const none = t('person.notKnown');
  const list = (codes: string[], name: (code: string) => string) => (codes.length > 0 ? codes.map(name).join(', ') : none);
  const date = (d: Parameters<typeof dateWithWeekday>[1] | null | undefined) => (d ? dateWithWeekday(t, d) : none);

  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} data-testid="person-details">
      <Section title={t('personForm.sectionIdentity')}>
        <Item label={t('personForm.givenNames')}>{person.givenNames || none}</Item>
        <Item label={t('personForm.familyName')}>{person.familyName || none}</Item>
        <Item label={t('personForm.aliases')}>{person.aliases.length > 0 ? person.aliases.join(', ') : none}</Item>
        <Item label={t('personForm.gender')}>{t(`genders.${person.gender}`)}</Item>
      </Section>

      <Section title={t('personForm.sectionAge')}>
        <Item label={t('personForm.dobDate')}>
          {person.dateOfBirth.date
            ? t('person.dobValue', { date: dateWithWeekday(t, person.dateOfBirth.date), precision: t(`dobPrecision.${person.dateOfBirth.precision}`).toLowerCase() })
            : t(`dobPrecision.${person.dateOfBirth.precision}`)}
        </Item>
        <Item label={t('personForm.ageInDoubt')}>{person.ageInDoubt ? t('person.yes') : t('person.no')}</Item>
        <Item label={t('personForm.unaccompanied')}>{person.unaccompanied ? t('person.yes') : t('person.no')}</Item>
      </Section>

      <Section title={t('personForm.sectionOrigin')}>
        <Item label={t('personForm.nationalities')}>{list(person.nationalities, (c) => countryName(c, language))}</Item>
        <Item label={t('personForm.languages')}>{list(person.languages, (c) => languageName(c, language))}</Item>
        <Item label={t('personForm.interpreterNeeded')}>
          {person.interpreter.needed
            ? t('person.interpreterYes', { language: person.interpreter.language ? languageName(person.interpreter.language, language) : none })
            : t('person.no')}
        </Item>
      </Section>

      <Section title={t('personForm.sectionGuardianship')} empty={person.guardianships.length === 0 ? t('personForm.noGuardian') : null}>
        {person.guardianships.map((g, index) => (
            <Item key={index} label={t(`guardianshipKinds.${g.kind}`)}>
              <Stack gap={0}>
                <Text fw={600}>{g.name}</Text>
                {g.organisation ? <Text size="sm">{g.organisation}</Text> : null}
                {g.phone ? <Text size="sm">{g.phone}</Text> : null}
                {g.email ? <Text size="sm">{g.email}</Text> : null}
                {g.appointedOn ? (
                  <Text size="sm">
                    {t('personForm.guardianAppointedOn')}: {dateWithWeekday(t, g.appointedOn)}
                  </Text>
                ) : null}
              </Stack>
            </Item>
          ))}
      </Section>

      <Section title={t('personForm.sectionDetection')}>
        <Item label={t('personForm.detectionDate')}>{date(person.detection?.date)}</Item>
        <Item label={t('personForm.detectionCountry')}>{person.detection?.country ? countryName(person.detection.country, language) : none}</Item>
        <Item label={t('personForm.detectedBy')}>{person.detection?.by ? t(`detectedBy.${person.detection.by}`) : none}</Item>
        <Item label={t('personForm.identifiedBy')}>{person.identification ? t(`identifiedBy.${person.identification.by}`) : none}</Item>
        <Item label={t('personForm.identificationDate')}>{date(person.identification?.date)}</Item>
      </Section>

      <Section title={t('personForm.sectionExploitation')}>
        <Item label={t('personForm.exploitationForms')}>
          {person.exploitationForms.length === 0 ? (
            none
          ) : (
            <Stack gap="xs" data-testid="exploitation-forms">
              {person.exploitationForms.map((form) => (
                <div key={form}>
                  <Text fw={600}>{t(`exploitationForms.${form}`)}</Text>
                  {countries.map((country) => {
                    const reference = legalReference(form, country);
                    return (
                      <Text key={country} size="sm">
                        {country}:{' '}
                        {reference
                          ? t('person.legalReference', { article: reference.article, note: pick(reference.note, language) })
                          : t('personForm.noProvision', { country: t(`countries.${country}`) })}
                      </Text>
                    );
                  })}
                </div>
              ))}
            </Stack>
          )}
        </Item>
        <Item label={t('personForm.exploitationCountries')}>{list(person.exploitationCountries, (c) => countryName(c, language))}</Item>
      </Section>

      <Section title={t('personForm.sectionCase')}>
        <Item label={t('personForm.centre')}>{person.centre ?? none}</Item>
        <Item label={t('personForm.caseworker')}>{person.caseworker?.displayName ?? t('personForm.nobody')}</Item>
      </Section>
    </SimpleGrid>
  );
}
