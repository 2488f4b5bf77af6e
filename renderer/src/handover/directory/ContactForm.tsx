/**
 * Adding a contact point of the organisation's own, or correcting one of the directory: every field
 * of the brochure's entries, lists one value per line, checked with the contract's own schema.
 */
import { Button, Group, Modal, NativeSelect, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { COUNTRIES } from '../../../../shared/domain';
import { CATEGORY_LABELS, CONTACT_CATEGORIES, type ContactFields } from '../../../../shared/directory/contact.schema';
import type { DirectoryEntryView } from '../../../../shared/handover/handover.ipc';
import { call } from '../../api/client';
import { useConflict } from '../../team/useConflict';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { issuesToErrors } from '../../forms/form-rules';
import { useFormFeedback } from '../../forms/useFormFeedback';
import { pick, useLanguage } from '../../format/labels';
import { CONTACT_FORM_FIELDS, changedFields, fromContactFields, toContactFields, validateContact, type ContactFormValues } from './contact-form-values';

interface ContactFormProps {
  /** The entry to correct, or null to add one. */
  entry: DirectoryEntryView | null;
  defaultCountry: ContactFormValues['country'];
  onClose: () => void;
  onSaved: (entry: DirectoryEntryView) => void;
  /** Their version, after a conflict: the form closes and the list is read again. */
  onReload: () => Promise<void>;
}

const EMPTY: Omit<ContactFormValues, 'country'> = {
  category: 'receptionCentres',
  name: '',
  address: '',
  postalAddress: '',
  phones: '',
  faxes: '',
  emails: '',
  websites: '',
  notes: '',
};

function firstSegment(path: string): string {
  return path.split('.')[0] ?? path;
}

export function ContactForm({ entry, defaultCountry, onClose, onSaved, onReload }: ContactFormProps) {
  const { t } = useTranslation();
  const conflict = useConflict();
  const language = useLanguage();
  const form = useForm<ContactFormValues>({
    initialValues: entry ? fromContactFields(entry.country, entry) : { ...EMPTY, country: defaultCountry },
    validate: (values) => {
      const result = validateContact(values);
      if (result.success) return {};
      const errors = issuesToErrors(result.error.issues, t, (path) => {
        const field = firstSegment(path);
        if (field === 'phones' || field === 'faxes') return t('directory.form.phoneFormat');
        if (field === 'emails') return t('validation.email');
        if (field === 'websites') return t('directory.form.websiteFormat');
        return null;
      });
      // "phones.1" belongs to the phones field.
      const byField: Record<string, string> = {};
      for (const [path, message] of Object.entries(errors)) byField[firstSegment(path)] ??= message;
      return byField;
    },
  });
  const feedback = useFormFeedback(form, { fields: CONTACT_FORM_FIELDS });

  async function save(values: ContactFormValues) {
    feedback.clearFormError();
    const fields = toContactFields(values);
    try {
      if (entry) {
        const changed = changedFields(entry satisfies ContactFields, fields);
        await conflict.save(
          entry.version,
          async (expectedVersion) => {
            const updated = await call('directory.update', { id: entry.id, fields: changed, expectedVersion });
            notifySuccess(t('directory.saved', { name: updated.name }));
            onSaved(updated);
          },
          onReload,
        );
      } else {
        const saved = await call('directory.add', { ...fields, country: values.country });
        notifySuccess(t('directory.added', { name: saved.name }));
        onSaved(saved);
      }
    } catch (error) {
      feedback.handleError(error);
    }
  }

  return (
    <Modal
      opened
      onClose={onClose}
      closeOnEscape={!conflict.open}
      size="lg"
      title={entry ? t('directory.form.editTitle', { name: entry.name }) : t('directory.form.addTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {conflict.dialog}
      <form onSubmit={form.onSubmit(save, feedback.onValidationFailure)} noValidate data-testid="contact-form">
        <Stack gap="sm">
          {entry && entry.origin === 'seed' ? <Text size="sm">{t('directory.form.seedNote')}</Text> : null}
          <SimpleGrid cols={2}>
            <NativeSelect
              label={t('directory.country')}
              disabled={entry !== null}
              data={COUNTRIES.map((c) => ({ value: c, label: t(`countries.${c}`) }))}
              {...form.getInputProps('country')}
            />
            <NativeSelect
              label={t('directory.category')}
              data={CONTACT_CATEGORIES.map((c) => ({ value: c, label: pick(CATEGORY_LABELS[c], language) }))}
              {...form.getInputProps('category')}
            />
          </SimpleGrid>
          <TextInput label={t('directory.fields.name')} required data-autofocus {...form.getInputProps('name')} />
          <TextInput label={t('directory.fields.address')} {...form.getInputProps('address')} />
          <TextInput label={t('directory.fields.postalAddress')} {...form.getInputProps('postalAddress')} />
          <SimpleGrid cols={2}>
            <Textarea label={t('directory.fields.phones')} description={t('directory.form.onePerLine')} autosize minRows={2} {...form.getInputProps('phones')} />
            <Textarea label={t('directory.fields.faxes')} description={t('directory.form.onePerLine')} autosize minRows={2} {...form.getInputProps('faxes')} />
            <Textarea label={t('directory.fields.emails')} description={t('directory.form.onePerLine')} autosize minRows={2} {...form.getInputProps('emails')} />
            <Textarea label={t('directory.fields.websites')} description={t('directory.form.onePerLine')} autosize minRows={2} {...form.getInputProps('websites')} />
          </SimpleGrid>
          <Textarea label={t('directory.fields.notes')} autosize minRows={2} {...form.getInputProps('notes')} />
          <ErrorAlert error={feedback.formError} ref={feedback.alertRef} testId="contact-form-error" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit">{entry ? t('directory.form.save') : t('directory.form.add')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
