/**
 * Export: the user chooses what goes to the partner. Nothing but the identity is
 * chosen at first (the minimum); every other section and every attachment is opt-in. The person's
 * sharing consent for this partner is checked as the choice changes, and the core checks it again:
 * a refusal shows its reason in the user's language. Creating the package (signing, encrypting) shows
 * progress; the file is then saved under a name without personal data. The same choice gives the
 * printable PDF summary for police or magistrates who do not use Passerelle.
 */
import { useState } from 'react';
import { Alert, Button, Checkbox, Group, NumberInput, Paper, Progress, Stack, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../../../shared/errors';
import type { HandoverView, OutputFile } from '../../../../shared/handover/handover.ipc';
import { HANDOVER_SECTIONS, type HandoverSection } from '../../../../shared/handover/package.schema';
import { call, toErrorPayload } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { dateWithWeekday } from '../../format/deadline';
import { fileSize, useLanguage } from '../../format/labels';
import { base64ToBytes, saveFile } from '../files';
import { consentCheck } from './consent-check';
import { OpenItemsConfirm, openItems } from './OpenItemsConfirm';
import { dateTimeWithWeekday } from '../format';

interface ExportPanelProps {
  handover: HandoverView;
  onChanged: (view: HandoverView) => void;
}

export function saveOutputFile(file: OutputFile, type: string): void {
  saveFile(new Blob([base64ToBytes(file.contentBase64)], { type }), file.fileName);
}

type Working = 'package' | 'pdf' | null;

export function ExportPanel({ handover, onChanged }: ExportPanelProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [sections, setSections] = useState<HandoverSection[]>(handover.defaultSections);
  const [attachmentIds, setAttachmentIds] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [validityDays, setValidityDays] = useState<number | string>(14);
  const [working, setWorking] = useState<Working>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [created, setCreated] = useState<{ file: OutputFile; expiresAt: string } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const stillOpen = openItems(handover.items);
  const check = consentCheck(handover.consent, sections, attachmentIds.length);
  const canExchange = handover.partner.canExchange;
  const chosenBytes = handover.attachments.filter((a) => attachmentIds.includes(a.id)).reduce((n, a) => n + a.sizeBytes, 0);
  const choice = { handoverId: handover.id, sections, attachmentIds };
  const days = typeof validityDays === 'number' ? validityDays : Number.parseInt(validityDays, 10);
  const validDays = Number.isInteger(days) && days >= 1 && days <= 30;

  function toggle<T>(list: T[], value: T, on: boolean): T[] {
    return on ? [...list.filter((x) => x !== value), value] : list.filter((x) => x !== value);
  }

  async function createPackage() {
    setWorking('package');
    setError(null);
    setCreated(null);
    try {
      const result = await call('handover.export', { ...choice, note: note.trim() === '' ? null : note.trim(), validityDays: validDays ? days : 14 });
      saveOutputFile(result.file, 'application/octet-stream');
      setCreated({ file: result.file, expiresAt: result.expiresAt });
      onChanged(result.handover);
      notifySuccess(t('handover.export.created', { fileName: result.file.fileName }));
    } catch (e) {
      setError(toErrorPayload(e));
    } finally {
      setWorking(null);
    }
  }

  async function savePdf() {
    setWorking('pdf');
    setError(null);
    try {
      const file = await call('handover.summaryPdf', choice);
      saveOutputFile(file, 'application/pdf');
      notifySuccess(t('handover.export.pdfSaved', { fileName: file.fileName }));
    } catch (e) {
      setError(toErrorPayload(e));
    } finally {
      setWorking(null);
    }
  }

  let consentResult: React.ReactNode;
  if (check.result === 'none' || !handover.consent) {
    consentResult = (
      <Alert color="red" variant="light" role="status" title={t('handover.export.noConsentTitle')} data-testid="consent-check" data-result="none" styles={{ title: { color: '#a51d1d' } }}>
        <Text>{t('handover.export.noConsent', { partner: handover.partner.name })}</Text>
      </Alert>
    );
  } else if (check.result === 'notCovered') {
    consentResult = (
      <Alert color="red" variant="light" role="status" title={t('handover.export.notCoveredTitle')} data-testid="consent-check" data-result="notCovered" styles={{ title: { color: '#a51d1d' } }}>
        <Text>{t('handover.export.notCovered', { categories: check.missing.map((c) => t(`dataCategories.${c as HandoverSection}`)).join(', ') })}</Text>
      </Alert>
    );
  } else {
    consentResult = (
      <Alert color="green" variant="light" role="status" title={t('handover.export.coveredTitle')} data-testid="consent-check" data-result="covered" styles={{ title: { color: '#1e6b2e' } }}>
        <Text>
          {t('handover.export.covered', {
            date: dateWithWeekday(t, handover.consent.givenOn),
            categories: handover.consent.categories.map((c) => t(`dataCategories.${c}`)).join(', '),
          })}
        </Text>
      </Alert>
    );
  }

  return (
    <Stack gap="md" data-testid="export-panel">
      <Text>{t('handover.export.intro')}</Text>
      {consentResult}

      <Checkbox.Group
        label={t('handover.export.sections')}
        description={t('handover.export.sectionsHint')}
        value={sections}
        onChange={(v) => setSections(HANDOVER_SECTIONS.filter((s) => v.includes(s)))}
      >
        <Stack gap={6} mt="xs">
          {HANDOVER_SECTIONS.map((s) => (
            <Checkbox
              key={s}
              value={s}
              label={t(`dataCategories.${s}`)}
              description={t(`handover.export.sectionContent.${s}`)}
              data-testid={`section-${s}`}
            />
          ))}
        </Stack>
      </Checkbox.Group>

      <Stack gap={6}>
        <Text fw={700} size="sm" id="export-attachments-label">
          {t('handover.export.attachments')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('handover.export.attachmentsHint')}
        </Text>
        {handover.attachments.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('handover.export.noAttachments')}
          </Text>
        ) : (
          <Stack gap={6} role="group" aria-labelledby="export-attachments-label">
            {handover.attachments.map((a) => (
              <Checkbox
                key={a.id}
                checked={attachmentIds.includes(a.id)}
                onChange={(e) => setAttachmentIds((ids) => toggle(ids, a.id, e.currentTarget.checked))}
                label={`${a.fileName} (${fileSize(a.sizeBytes, language)})`}
              />
            ))}
            {attachmentIds.length > 0 ? (
              <Text size="sm">{t('handover.export.attachmentsChosen', { count: attachmentIds.length, size: fileSize(chosenBytes, language) })}</Text>
            ) : null}
          </Stack>
        )}
      </Stack>

      <Group align="flex-start" grow>
        <Textarea
          label={t('handover.export.note')}
          description={t('handover.export.noteHint')}
          value={note}
          maxLength={500}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        <NumberInput
          label={t('handover.export.validity')}
          description={t('handover.export.validityHint')}
          min={1}
          max={30}
          clampBehavior="strict"
          allowDecimal={false}
          value={validityDays}
          onChange={setValidityDays}
          maw={220}
          error={validDays ? undefined : t('validation.numberRange', { minimum: 1, maximum: 30 })}
        />
      </Group>

      {!canExchange ? (
        <Alert color="red.9" variant="filled" role="alert">
          {t('handover.partnerBlocked', { name: handover.partner.name })}
        </Alert>
      ) : null}

      {working ? (
        <Stack gap={4} role="status" aria-live="polite">
          <Text size="sm">{working === 'package' ? t('handover.export.working') : t('handover.export.workingPdf')}</Text>
          <Progress value={100} animated striped aria-label={working === 'package' ? t('handover.export.working') : t('handover.export.workingPdf')} data-testid="export-progress" />
        </Stack>
      ) : null}
      <ErrorAlert error={error} testId="export-error" />

      <Group gap="sm">
        <Button
          onClick={() => (stillOpen.length > 0 ? setConfirming(true) : void createPackage())}
          loading={working === 'package'} disabled={working !== null || !canExchange || !validDays} data-testid="create-package">
          {t('handover.export.create')}
        </Button>
        <Button variant="default" onClick={() => void savePdf()} loading={working === 'pdf'} disabled={working !== null} data-testid="save-summary-pdf">
          {t('handover.export.pdf')}
        </Button>
      </Group>

      {confirming ? (
        <OpenItemsConfirm
          items={stillOpen}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            void createPackage();
          }}
        />
      ) : null}

      {created ? (
        <Paper withBorder p="md" bg="green.0" role="status" data-testid="package-created">
          <Stack gap={6}>
            <Title order={3} size="h5" c="#1e6b2e">
              {t('handover.export.createdTitle')}
            </Title>
            <Text>{t('handover.export.createdBody', { fileName: created.file.fileName, size: fileSize(created.file.bytes, language), expires: dateTimeWithWeekday(t, created.expiresAt) })}</Text>
            <Text size="sm">{t('handover.export.sendAdvice', { name: handover.partner.name })}</Text>
            <Button variant="default" w="fit-content" onClick={() => saveOutputFile(created.file, 'application/octet-stream')}>
              {t('handover.export.saveAgain')}
            </Button>
          </Stack>
        </Paper>
      ) : null}
    </Stack>
  );
}
