/**
 * Every field of a person record (shared/persons/person.schema.ts), grouped in sections, validated
 * inline with the contract's own zod schema and in the user's language. The minor status derived
 * from the date of birth is shown as it will be stored, with its reason.
 */
import { useMemo } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  MultiSelect,
  NativeSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { Country } from '../../../../shared/domain';
import type { SessionUser } from '../../../../shared/ipc/contract';
import {
  DETECTED_BY,
  DOB_PRECISIONS,
  EXPLOITATION_FORMS,
  GENDERS,
  GUARDIANSHIP_KINDS,
  IDENTIFIED_BY,
  ISO_COUNTRY_CODES,
  ISO_LANGUAGE_CODES,
  legalReference,
  type Assignee,
} from '../../../../shared/persons';
import { ErrorAlert } from '../../components/ErrorAlert';
import { issuesToErrors } from '../../forms/form-rules';
import { useFormFeedback } from '../../forms/useFormFeedback';
import { parseTypedDate, todayLocal } from '../../format/deadline';
import { codeOptions, countryName, languageName, pick, useLanguage } from '../../format/labels';
import { DateField } from '../parts/DateField';
import { MinorStatusLine } from '../parts/MinorStatusLine';
import { ResidenceAndMinorFacts } from './ResidenceAndMinorFacts';
import { emptyGuardianship, personFieldPaths, personIssues, type PersonFormValues } from '../person-form-values';

interface PersonFormProps {
  formName: string;
  initialValues: PersonFormValues;
  isNew: boolean;
  user: SessionUser;
  assignees: Assignee[];
  country: Country;
  submitLabel: string;
  onSubmit: (values: PersonFormValues) => Promise<void>;
  onCancel: () => void;
}

export function PersonForm({ formName, initialValues, isNew, user, assignees, country, submitLabel, onSubmit, onCancel }: PersonFormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const today = useMemo(() => todayLocal(), []);
  const mayAssign = user.role !== 'caseworker';

  const form = useForm<PersonFormValues>({
    name: formName,
    initialValues,
    validateInputOnBlur: true,
    validate: (values) => {
      const errors: Record<string, string> = issuesToErrors(personIssues(values), t, (path, issue) => {
        if (path === 'familyName' && issue.code === 'custom') return t('personForm.nameRequired');
        return null;
      });
      const dob = parseTypedDate(values.dateOfBirth.date);
      if (dob && dob > today && !errors['dateOfBirth.date']) errors['dateOfBirth.date'] = t('validation.dateInFuture');
      if (isNew && values.processingConsent.given && !parseTypedDate(values.processingConsent.givenOn)) {
        errors['processingConsent.givenOn'] = t('validation.date');
      }
      return errors;
    },
  });
  const values = form.getValues();
  const fields = personFieldPaths(values, isNew);
  const feedback = useFormFeedback(form, { fields, keyFields: { caseworkerInvalid: 'caseworkerId', dateOfBirthInFuture: 'dateOfBirth.date' } });

  const countryOptions = useMemo(() => codeOptions(ISO_COUNTRY_CODES, language, countryName), [language]);
  const languageOptions = useMemo(() => codeOptions(ISO_LANGUAGE_CODES, language, languageName), [language]);
  const dobLabel =
    values.dateOfBirth.precision === 'approximate'
      ? t('personForm.dobDateApproximate')
      : values.dateOfBirth.precision === 'disputed'
        ? t('personForm.dobDateDisputed')
        : t('personForm.dobDate');
  const comboText = { nothingFoundMessage: t('personForm.nothingFound') };

  async function submit(submitted: PersonFormValues) {
    feedback.clearFormError();
    try {
      await onSubmit(submitted);
    } catch (error) {
      feedback.handleError(error);
    }
  }

  return (
    <form onSubmit={form.onSubmit(submit, feedback.onValidationFailure)} noValidate data-testid="person-form">
      <Stack gap="lg">
        <Text>{t('personForm.intro')}</Text>

        <Fieldset legend={t('personForm.sectionIdentity')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('personForm.givenNames')} autoComplete="off" {...form.getInputProps('givenNames')} />
            <TextInput label={t('personForm.familyName')} autoComplete="off" {...form.getInputProps('familyName')} />
            <TagsInput
              label={t('personForm.aliases')}
              description={t('personForm.aliasesHint')}
              splitChars={[',', ';']}
              clearable
              {...form.getInputProps('aliases')}
            />
            <NativeSelect
              label={t('personForm.gender')}
              data={GENDERS.map((g) => ({ value: g, label: t(`genders.${g}`) }))}
              {...form.getInputProps('gender')}
            />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t('personForm.sectionAge')}>
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NativeSelect
                label={t('personForm.dobPrecision')}
                data={DOB_PRECISIONS.map((p) => ({ value: p, label: t(`dobPrecision.${p}`) }))}
                {...form.getInputProps('dateOfBirth.precision')}
              />
              {values.dateOfBirth.precision !== 'unknown' ? (
                <DateField label={dobLabel} {...form.getInputProps('dateOfBirth.date')} />
              ) : null}
            </SimpleGrid>
            <Checkbox label={t('personForm.ageInDoubt')} {...form.getInputProps('ageInDoubt', { type: 'checkbox' })} />
            <Checkbox label={t('personForm.unaccompanied')} {...form.getInputProps('unaccompanied', { type: 'checkbox' })} />
            <Paper withBorder p="sm" bg="gray.0" aria-live="polite">
              <Text size="sm" fw={700}>
                {t('personForm.derivedStatus')}
              </Text>
              <MinorStatusLine
                precision={values.dateOfBirth.precision}
                date={values.dateOfBirth.precision === 'unknown' ? null : parseTypedDate(values.dateOfBirth.date)}
                ageInDoubt={values.ageInDoubt}
                today={today}
                testId="derived-minor-status"
              />
            </Paper>
          </Stack>
        </Fieldset>

        <Fieldset legend={t('personForm.sectionOrigin')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <MultiSelect
              label={t('personForm.nationalities')}
              data={countryOptions}
              searchable
              clearable
              {...comboText}
              {...form.getInputProps('nationalities')}
            />
            <ResidenceAndMinorFacts form={form} />
            <MultiSelect
              label={t('personForm.languages')}
              data={languageOptions}
              searchable
              clearable
              {...comboText}
              {...form.getInputProps('languages')}
            />
            <Checkbox
              mt="md"
              label={t('personForm.interpreterNeeded')}
              {...form.getInputProps('interpreter.needed', { type: 'checkbox' })}
            />
            {values.interpreter.needed ? (
              <Select
                label={t('personForm.interpreterLanguage')}
                data={languageOptions}
                searchable
                clearable
                {...comboText}
                {...form.getInputProps('interpreter.language')}
              />
            ) : null}
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t('personForm.sectionSafety')}>
          <Textarea
            label={t('personForm.safetyNotes')}
            description={t('personForm.safetyNotesHint')}
            autosize
            minRows={2}
            maxRows={8}
            {...form.getInputProps('safetyNotes')}
          />
        </Fieldset>

        <Fieldset legend={t('personForm.sectionGuardianship')}>
          <Stack>
            {values.guardianships.length === 0 ? <Text c="dimmed">{t('personForm.noGuardian')}</Text> : null}
            {values.guardianships.map((_, index) => (
              <Fieldset key={index} legend={t('personForm.guardianNumber', { number: index + 1 })} variant="filled">
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  <NativeSelect
                    label={t('personForm.guardianshipKind')}
                    data={GUARDIANSHIP_KINDS.map((k) => ({ value: k, label: t(`guardianshipKinds.${k}`) }))}
                    {...form.getInputProps(`guardianships.${index}.kind`)}
                  />
                  <TextInput label={t('personForm.guardianName')} autoComplete="off" {...form.getInputProps(`guardianships.${index}.name`)} />
                  <TextInput
                    label={t('personForm.guardianOrganisation')}
                    autoComplete="off"
                    {...form.getInputProps(`guardianships.${index}.organisation`)}
                  />
                  <TextInput label={t('personForm.guardianPhone')} type="tel" autoComplete="off" {...form.getInputProps(`guardianships.${index}.phone`)} />
                  <TextInput label={t('personForm.guardianEmail')} type="email" autoComplete="off" {...form.getInputProps(`guardianships.${index}.email`)} />
                  <DateField label={t('personForm.guardianAppointedOn')} {...form.getInputProps(`guardianships.${index}.appointedOn`)} />
                </SimpleGrid>
                <Group justify="flex-end" mt="sm">
                  <Button variant="subtle" color="red" size="xs" onClick={() => form.removeListItem('guardianships', index)}>
                    {t('personForm.removeGuardian', { number: index + 1 })}
                  </Button>
                </Group>
              </Fieldset>
            ))}
            {values.guardianships.length < 5 ? (
              <Button variant="default" w="fit-content" onClick={() => form.insertListItem('guardianships', emptyGuardianship())}>
                {t('personForm.addGuardian')}
              </Button>
            ) : null}
          </Stack>
        </Fieldset>

        <Fieldset legend={t('personForm.sectionDetection')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <DateField label={t('personForm.detectionDate')} {...form.getInputProps('detection.date')} />
            <Select
              label={t('personForm.detectionCountry')}
              data={countryOptions}
              searchable
              clearable
              {...comboText}
              {...form.getInputProps('detection.country')}
            />
            <NativeSelect
              label={t('personForm.detectedBy')}
              data={[{ value: '', label: t('personForm.notRecorded') }, ...DETECTED_BY.map((d) => ({ value: d, label: t(`detectedBy.${d}`) }))]}
              {...form.getInputProps('detection.by')}
            />
            <NativeSelect
              label={t('personForm.identifiedBy')}
              data={[{ value: '', label: t('personForm.notRecorded') }, ...IDENTIFIED_BY.map((d) => ({ value: d, label: t(`identifiedBy.${d}`) }))]}
              {...form.getInputProps('identification.by')}
            />
            <DateField label={t('personForm.identificationDate')} {...form.getInputProps('identification.date')} />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t('personForm.sectionExploitation')}>
          <Stack>
            <Checkbox.Group
              label={t('personForm.exploitationForms')}
              description={t('personForm.exploitationFormsHint', { country: t(`countries.${country}`) })}
              {...form.getInputProps('exploitationForms')}
            >
              <Stack gap="xs" mt="xs">
                {EXPLOITATION_FORMS.map((f) => {
                  const reference = legalReference(f, country);
                  return (
                    <Checkbox
                      key={f}
                      value={f}
                      label={t(`exploitationForms.${f}`)}
                      description={
                        reference
                          ? t('person.legalReference', { article: reference.article, note: pick(reference.note, language) })
                          : t('personForm.noProvision', { country: t(`countries.${country}`) })
                      }
                    />
                  );
                })}
              </Stack>
            </Checkbox.Group>
            <MultiSelect
              label={t('personForm.exploitationCountries')}
              data={countryOptions}
              searchable
              clearable
              {...comboText}
              {...form.getInputProps('exploitationCountries')}
            />
          </Stack>
        </Fieldset>

        <Fieldset legend={t('personForm.sectionCase')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('personForm.centre')} description={t('personForm.centreHint')} {...form.getInputProps('centre')} />
            {mayAssign ? (
              <NativeSelect
                label={t('personForm.caseworker')}
                data={[{ value: '', label: t('personForm.nobody') }, ...assignees.map((a) => ({ value: a.id, label: `${a.displayName} (${t(`roles.${a.role}`)})` }))]}
                {...form.getInputProps('caseworkerId')}
              />
            ) : (
              <Alert variant="light" color="gray" title={t('personForm.caseworker')}>
                {isNew ? t('personForm.caseworkerSelf') : t('personForm.caseworkerReadOnly')}
              </Alert>
            )}
            {isNew ? (
              <Checkbox
                label={t('personForm.openTrackNow', { country: t(`countries.${country}`) })}
                {...form.getInputProps('openTrackNow', { type: 'checkbox' })}
              />
            ) : null}
          </SimpleGrid>
        </Fieldset>

        {isNew ? (
          <Fieldset legend={t('personForm.sectionConsent')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Checkbox mt="md" label={t('personForm.processingConsent')} {...form.getInputProps('processingConsent.given', { type: 'checkbox' })} />
              {values.processingConsent.given ? (
                <DateField label={t('personForm.processingConsentDate')} {...form.getInputProps('processingConsent.givenOn')} />
              ) : null}
            </SimpleGrid>
          </Fieldset>
        ) : null}

        <ErrorAlert error={feedback.formError} ref={feedback.alertRef} testId="person-form-error" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
