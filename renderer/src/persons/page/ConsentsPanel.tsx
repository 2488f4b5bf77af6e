/**
 * Consent records: to the processing of the person's data, and to sharing named data with a named
 * partner. A withdrawal is recorded with its date; nothing is erased.
 */
import { useMemo, useState } from 'react';
import { Badge, Button, Checkbox, Group, Modal, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import {
  CONSENT_KINDS,
  DATA_CATEGORIES,
  consentRecordInputSchema,
  type Consent,
  type ConsentRecordInput,
} from '../../../../shared/persons/consent.schema';
import { call } from '../../api/client';
import { useConflict } from '../../team/useConflict';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { formName, issuesToErrors } from '../../forms/form-rules';
import { useFormFeedback } from '../../forms/useFormFeedback';
import { dateWithWeekday, parseTypedDate, todayLocal, typedDate } from '../../format/deadline';
import { DateField } from '../parts/DateField';
import { dateInput } from '../person-form-values';
import { PartnerPicker, partnerChoiceOf } from './PartnerPicker';

type Kind = (typeof CONSENT_KINDS)[number];
type Category = (typeof DATA_CATEGORIES)[number];

interface ConsentValues {
  kind: Kind;
  partner: string;
  categories: Category[];
  givenOn: string;
}

const FIELDS = ['kind', 'partner', 'categories', 'givenOn'] as const;

function toInput(personId: string, values: ConsentValues): ConsentRecordInput {
  const sharing = values.kind === 'sharing';
  return {
    personId,
    kind: values.kind,
    ...(sharing ? partnerChoiceOf(values.partner) : null),
    categories: sharing ? values.categories : [],
    givenOn: (dateInput(values.givenOn) ?? '') as ConsentRecordInput['givenOn'],
  };
}

interface ConsentsPanelProps {
  personId: string;
  consents: Consent[];
  onChanged: (consents: Consent[]) => void;
}

export function ConsentsPanel({ personId, consents, onChanged }: ConsentsPanelProps) {
  const { t } = useTranslation();
  const today = useMemo(() => todayLocal(), []);
  const [withdrawing, setWithdrawing] = useState<Consent | null>(null);
  const form = useForm<ConsentValues>({
    name: formName('consent', personId),
    initialValues: { kind: 'processing', partner: '', categories: [], givenOn: typedDate(today) },
    validate: (values) => {
      const result = consentRecordInputSchema.safeParse(toInput(personId, values));
      return result.success
        ? {}
        : issuesToErrors(result.error.issues, t, (path) => (path === 'partner' || path === 'categories' ? t('validation.required') : null));
    },
  });
  const feedback = useFormFeedback(form, { fields: FIELDS });
  const values = form.getValues();

  async function record(submitted: ConsentValues) {
    feedback.clearFormError();
    try {
      const consent = await call('consents.record', toInput(personId, submitted));
      onChanged([...consents, consent]);
      notifySuccess(t('consents.recorded'));
      form.reset();
    } catch (error) {
      feedback.handleError(error);
    }
  }

  return (
    <Stack gap="md">
      {consents.length === 0 ? (
        <Text c="dimmed">{t('consents.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped captionSide="top" data-testid="consents-table">
            <Table.Caption>{t('consents.tableCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('consents.colKind')}</Table.Th>
                <Table.Th scope="col">{t('consents.colPartner')}</Table.Th>
                <Table.Th scope="col">{t('consents.colCategories')}</Table.Th>
                <Table.Th scope="col">{t('consents.colGiven')}</Table.Th>
                <Table.Th scope="col">{t('consents.colWithdrawn')}</Table.Th>
                <Table.Th scope="col">{t('consents.colActions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {consents.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Th scope="row" fw={500}>
                    {t(`consentKinds.${c.kind}`)}
                  </Table.Th>
                  <Table.Td>
                    {c.partner === null
                      ? t('common.none')
                      : c.partnerRef?.kind === 'text'
                        ? t('casework.partnerTyped', { name: c.partner })
                        : c.partner}
                  </Table.Td>
                  <Table.Td>{c.categories.length > 0 ? c.categories.map((cat) => t(`dataCategories.${cat}`)).join(', ') : t('common.none')}</Table.Td>
                  <Table.Td>{dateWithWeekday(t, c.givenOn)}</Table.Td>
                  <Table.Td>
                    {c.withdrawnOn ? (
                      dateWithWeekday(t, c.withdrawnOn)
                    ) : (
                      <Badge color="green.9" variant="outline">
                        {t('consents.active')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {c.withdrawnOn ? null : (
                      <Button
                        size="xs"
                        variant="light"
                        color="red"
                        aria-label={t('consents.withdrawOf', { date: dateWithWeekday(t, c.givenOn) })}
                        onClick={() => setWithdrawing(c)}
                      >
                        {t('consents.withdraw')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      <Paper withBorder p="md" bg="gray.0">
        <Title order={3} size="h5" mb="sm">
          {t('consents.recordTitle')}
        </Title>
        <form onSubmit={form.onSubmit(record, feedback.onValidationFailure)} noValidate data-testid="consent-form">
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <NativeSelect
                label={t('consents.kind')}
                data={CONSENT_KINDS.map((k) => ({ value: k, label: t(`consentKinds.${k}`) }))}
                {...form.getInputProps('kind')}
              />
              {values.kind === 'sharing' ? (
                <PartnerPicker
                  label={t('consents.partner')}
                  description={t('casework.partnerPickHint')}
                  {...form.getInputProps('partner')}
                  value={values.partner === '' ? null : values.partner}
                  onChange={(value) => form.setFieldValue('partner', value ?? '')}
                />
              ) : null}
              <DateField label={t('consents.givenOn')} {...form.getInputProps('givenOn')} />
            </SimpleGrid>
            {values.kind === 'sharing' ? (
              <Checkbox.Group label={t('consents.categories')} {...form.getInputProps('categories')}>
                <Group gap="md" mt="xs">
                  {DATA_CATEGORIES.map((cat) => (
                    <Checkbox key={cat} value={cat} label={t(`dataCategories.${cat}`)} />
                  ))}
                </Group>
              </Checkbox.Group>
            ) : null}
            <ErrorAlert error={feedback.formError} ref={feedback.alertRef} testId="consent-error" />
            <Group justify="flex-end">
              <Button type="submit" loading={form.submitting}>
                {t('consents.record')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>

      {withdrawing ? (
        <WithdrawDialog
          onReload={async () => {
            onChanged((await call('persons.get', { id: personId })).consents);
            setWithdrawing(null);
          }}
          consent={withdrawing}
          onClose={() => setWithdrawing(null)}
          onWithdrawn={(updated) => {
            setWithdrawing(null);
            onChanged(consents.map((c) => (c.id === updated.id ? updated : c)));
          }}
        />
      ) : null}
    </Stack>
  );
}

interface WithdrawDialogProps {
  consent: Consent;
  onClose: () => void;
  onWithdrawn: (c: Consent) => void;
  /** Their version: the person's consents as saved now. */
  onReload: () => Promise<void>;
}

function WithdrawDialog({ consent, onClose, onWithdrawn, onReload }: WithdrawDialogProps) {
  const { t } = useTranslation();
  const conflict = useConflict();
  const form = useForm<{ withdrawnOn: string }>({
    name: formName('withdraw', consent.id),
    initialValues: { withdrawnOn: typedDate(todayLocal()) },
    validate: { withdrawnOn: (text) => (parseTypedDate(text) ? null : t('validation.date')) },
  });
  const feedback = useFormFeedback(form, { fields: ['withdrawnOn'], keyFields: { withdrawalBeforeConsent: 'withdrawnOn', consentAlreadyWithdrawn: 'withdrawnOn' } });

  async function withdraw(values: { withdrawnOn: string }) {
    feedback.clearFormError();
    try {
      await conflict.save(
        consent.version,
        async (version) => {
          const withdrawnOn = parseTypedDate(values.withdrawnOn) as Consent['givenOn'];
          const updated = await call('consents.withdraw', { consentId: consent.id, withdrawnOn, expectedVersion: version });
          notifySuccess(t('consents.withdrawn'));
          onWithdrawn(updated);
        },
        onReload,
      );
    } catch (error) {
      feedback.handleError(error);
    }
  }

  return (
    <Modal opened onClose={onClose} closeOnEscape={!conflict.open} title={t('consents.withdrawTitle')} centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={form.onSubmit(withdraw, feedback.onValidationFailure)} noValidate>
        <Stack>
          <Text>
            {t(`consentKinds.${consent.kind}`)}
            {consent.partner ? `: ${consent.partner}` : ''} ({dateWithWeekday(t, consent.givenOn)})
          </Text>
          <DateField label={t('consents.withdrawnOn')} data-autofocus {...form.getInputProps('withdrawnOn')} />
          <ErrorAlert error={feedback.formError} ref={feedback.alertRef} />
          {conflict.dialog}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={form.submitting}>
              {t('consents.withdrawConfirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
