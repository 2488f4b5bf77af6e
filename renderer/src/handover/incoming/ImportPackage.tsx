/**
 * Receiving a handover package: the file is read (with progress), checked and
 * decrypted, and shown as a preview (sender and their verified fingerprint, sections, attachments with
 * sizes, the sender's procedure history) before anything is written. The user accepts (the person is
 * created here and the receipt is made) or declines (a 'declined' receipt); a refused package shows
 * its own reason in the user's language. The receipt is saved as a file to send back to the sender.
 */
import { useEffect, useRef, useState } from 'react';
import { Alert, Badge, Button, Group, Modal, NativeSelect, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../../../shared/errors';
import type { ImportPreview, OutputFile } from '../../../../shared/handover/handover.ipc';
import type { SessionUser } from '../../../../shared/ipc/contract';
import type { Assignee } from '../../../../shared/persons/person.schema';
import { call, toErrorPayload } from '../../api/client';
import { useNavigation } from '../../app/navigation';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { formatDateTime } from '../../format/date-format';
import { fileSize, useLanguage } from '../../format/labels';
import { readFileAsBase64 } from '../files';
import { dateTimeWithWeekday } from '../format';
import { FilePicker, type Busy } from '../parts/FilePicker';
import { FingerprintDigits } from '../parts/FingerprintDigits';
import { StatusChip } from '../parts/StatusChip';
import { saveOutputFile } from '../workflow/ExportPanel';
import { SectionsPreview } from './SectionsPreview';

type Outcome =
  | { kind: 'accepted'; personId: string; caseCode: string; receipt: OutputFile; sender: string }
  | { kind: 'declined'; receipt: OutputFile; sender: string };

interface ImportPackageProps {
  user: SessionUser;
  onImported: () => void;
}

export function ImportPackage({ user, onImported }: ImportPackageProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigation = useNavigation();
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [file, setFile] = useState<{ base64: string } | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [assignees, setAssignees] = useState<Assignee[]>([]);
  const [caseworkerId, setCaseworkerId] = useState('');
  const [confirmDecline, setConfirmDecline] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const previewRef = useRef<HTMLHeadingElement>(null);
  const outcomeRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    call('persons.assignees', {})
      .then((list) => setAssignees(list.filter((a) => a.role !== 'admin' || a.id === user.id)))
      .catch(() => setAssignees([]));
  }, [user.id]);

  useEffect(() => {
    if (preview) previewRef.current?.focus();
  }, [preview]);
  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);

  async function choose(chosen: File) {
    setError(null);
    setPreview(null);
    setOutcome(null);
    setFile(null);
    setBusy({ label: t('incoming.reading'), percent: 0 });
    try {
      const base64 = await readFileAsBase64(chosen, (percent) => setBusy({ label: t('incoming.reading'), percent }));
      setBusy({ label: t('incoming.checking'), percent: null });
      const result = await call('handover.previewImport', { fileBase64: base64 });
      setFile({ base64 });
      setPreview(result);
    } catch (e) {
      setError(toErrorPayload(e));
    } finally {
      setBusy(null);
    }
  }

  async function accept() {
    if (!file || !preview) return;
    setError(null);
    setBusy({ label: t('incoming.accepting'), percent: null });
    try {
      const result = await call('handover.acceptImport', { fileBase64: file.base64, caseworkerId: caseworkerId || null });
      setOutcome({ kind: 'accepted', personId: result.personId, caseCode: result.caseCode, receipt: result.receipt, sender: preview.sender.name });
      setPreview(null);
      setFile(null);
      onImported();
    } catch (e) {
      setError(toErrorPayload(e));
    } finally {
      setBusy(null);
    }
  }

  async function decline() {
    if (!file || !preview) return;
    setConfirmDecline(false);
    setError(null);
    setBusy({ label: t('incoming.declining'), percent: null });
    try {
      const result = await call('handover.declineImport', { fileBase64: file.base64 });
      setOutcome({ kind: 'declined', receipt: result.receipt, sender: preview.sender.name });
      setPreview(null);
      setFile(null);
      onImported();
    } catch (e) {
      setError(toErrorPayload(e));
    } finally {
      setBusy(null);
    }
  }

  function saveReceipt(receipt: OutputFile) {
    saveOutputFile(receipt, 'text/plain');
    notifySuccess(t('incoming.receiptSaved', { fileName: receipt.fileName }));
  }

  const unstorable = preview?.attachments.filter((a) => !a.storable) ?? [];

  return (
    <Stack gap="md" data-testid="import-package">
      <FilePicker
        label={t('incoming.fileLabel')}
        description={t('incoming.fileHint')}
        accept=".handover"
        buttonText={t('incoming.fileButton')}
        onFile={(f) => void choose(f)}
        busy={preview ? null : busy}
        disabled={busy !== null}
        testId="package-file"
      />
      {error ? (
        <div data-testid="import-refusal" data-reason={error.details?.reason ?? ''}>
          <ErrorAlert error={error} testId="import-error" />
          {error.code === 'PACKAGE_REJECTED' ? (
            <Text size="sm" mt="xs">
              {t('incoming.nothingWritten')}
            </Text>
          ) : null}
        </div>
      ) : null}

      {preview ? (
        <Paper withBorder p="lg" data-testid="import-preview" aria-labelledby="preview-title">
          <Stack gap="md">
            <Stack gap={4}>
              <Title order={2} size="h3" id="preview-title" ref={previewRef} tabIndex={-1} style={{ outline: 'none' }}>
                {t('incoming.previewTitle')}
              </Title>
              <Alert color="blue" variant="light">
                {t('incoming.previewNote')}
              </Alert>
            </Stack>

            <Group align="flex-start" gap="xl" wrap="wrap">
              <Stack gap={4} style={{ flex: '1 1 22rem' }}>
                <Text fw={700}>{t('incoming.sender')}</Text>
                <Group gap="sm">
                  <Text size="lg" fw={700} data-testid="preview-sender">
                    {preview.sender.name}
                  </Text>
                  <StatusChip status="verified">{t('incoming.verifiedSender')}</StatusChip>
                </Group>
                <Text>{t(`countries.${preview.sender.country}`)}</Text>
                <Text size="sm" fw={600} mt="xs">
                  {t('incoming.senderFingerprint')}
                </Text>
                <FingerprintDigits display={preview.sender.fingerprint.display} size="small" label={t('partners.fingerprintOf', { name: preview.sender.name })} testId="preview-fingerprint" />
              </Stack>
              <dl className="detail-list" style={{ flex: '1 1 18rem' }}>
                <div className="detail-item">
                  <dt>{t('incoming.senderCaseCode')}</dt>
                  <dd className="case-code" data-testid="preview-case-code">
                    {preview.senderCaseCode}
                  </dd>
                </div>
                <div className="detail-item">
                  <dt>{t('incoming.created')}</dt>
                  <dd>{formatDateTime(preview.createdAt)}</dd>
                </div>
                <div className="detail-item">
                  <dt>{t('incoming.expires')}</dt>
                  <dd>{dateTimeWithWeekday(t, preview.expiresAt)}</dd>
                </div>
                <div className="detail-item">
                  <dt>{t('incoming.size')}</dt>
                  <dd>{fileSize(preview.bytes, language)}</dd>
                </div>
                {preview.purpose.note ? (
                  <div className="detail-item">
                    <dt>{t('incoming.note')}</dt>
                    <dd className="pre-line">{preview.purpose.note}</dd>
                  </div>
                ) : null}
                <div className="detail-item">
                  <dt>{t('incoming.consent')}</dt>
                  <dd>
                    {t('incoming.consentValue', {
                      date: preview.consent.givenOn.split('-').reverse().join('-'),
                      categories: preview.consent.categories.map((c) => t(`dataCategories.${c as 'identity'}`)).join(', '),
                    })}
                  </dd>
                </div>
              </dl>
            </Group>

            <Stack gap="xs">
              <Title order={3} size="h4">
                {t('incoming.sectionsTitle')}
              </Title>
              <SectionsPreview sections={preview.sections} />
            </Stack>

            <Stack gap="xs">
              <Title order={3} size="h4">
                {t('incoming.attachmentsTitle')}
              </Title>
              {preview.attachments.length === 0 ? (
                <Text c="dimmed">{t('incoming.noAttachments')}</Text>
              ) : (
                <Table captionSide="top" data-testid="preview-attachments">
                  <Table.Caption>{t('incoming.attachmentsCaption')}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('attachments.colName')}</Table.Th>
                      <Table.Th scope="col">{t('incoming.colType')}</Table.Th>
                      <Table.Th scope="col">{t('attachments.colSize')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {preview.attachments.map((a) => (
                      <Table.Tr key={a.name}>
                        <Table.Th scope="row" fw={500} style={{ wordBreak: 'break-all' }}>
                          {a.name}
                          {!a.storable ? (
                            <Badge color="red.9" variant="filled" ml="xs">
                              {t('incoming.notStorable')}
                            </Badge>
                          ) : null}
                        </Table.Th>
                        <Table.Td>{a.mediaType}</Table.Td>
                        <Table.Td>{fileSize(a.size, language)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Stack>

            {unstorable.length > 0 ? (
              <Alert color="red" variant="light" role="alert">
                <Text>{t('incoming.unstorableNote')}</Text>
              </Alert>
            ) : null}

            <NativeSelect
              label={t('incoming.caseworker')}
              description={t('incoming.caseworkerHint')}
              value={caseworkerId}
              onChange={(e) => setCaseworkerId(e.currentTarget.value)}
              data={[{ value: '', label: t('personForm.nobody') }, ...assignees.map((a) => ({ value: a.id, label: a.displayName }))]}
              maw={400}
            />

            {busy ? (
              <Stack gap={4} role="status" aria-live="polite">
                <Text size="sm">{busy.label}</Text>
                <Progress value={100} animated striped aria-label={busy.label} data-testid="import-progress" />
              </Stack>
            ) : null}
            <Group gap="sm">
              <Button onClick={() => void accept()} disabled={busy !== null || unstorable.length > 0} data-testid="accept-import">
                {t('incoming.accept')}
              </Button>
              <Button variant="default" color="red.9" onClick={() => setConfirmDecline(true)} disabled={busy !== null} data-testid="decline-import">
                {t('incoming.decline')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      ) : null}

      {outcome ? (
        <Paper withBorder p="lg" bg={outcome.kind === 'accepted' ? 'green.0' : 'gray.0'} data-testid="import-outcome" data-outcome={outcome.kind}>
          <Stack gap="sm">
            <Title order={2} size="h3" ref={outcomeRef} tabIndex={-1} style={{ outline: 'none' }} c={outcome.kind === 'accepted' ? '#1e6b2e' : undefined}>
              {outcome.kind === 'accepted' ? t('incoming.acceptedTitle', { caseCode: outcome.caseCode }) : t('incoming.declinedTitle')}
            </Title>
            <Text>{t('incoming.receiptAdvice', { sender: outcome.sender })}</Text>
            <Group gap="sm">
              <Button onClick={() => saveReceipt(outcome.receipt)} data-testid="save-receipt">
                {t('incoming.saveReceipt')}
              </Button>
              {outcome.kind === 'accepted' ? (
                <Button variant="default" onClick={() => navigation.go({ area: 'persons', personId: outcome.personId })} data-testid="open-imported-person">
                  {t('incoming.openPerson', { caseCode: outcome.caseCode })}
                </Button>
              ) : null}
            </Group>
          </Stack>
        </Paper>
      ) : null}

      {confirmDecline && preview ? (
        <Modal opened onClose={() => setConfirmDecline(false)} title={t('incoming.declineTitle')} closeButtonProps={{ 'aria-label': t('common.close') }}>
          <Stack>
            <Text>{t('incoming.declineExplanation', { sender: preview.sender.name })}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirmDecline(false)} data-autofocus>
                {t('common.back')}
              </Button>
              <Button color="red.9" onClick={() => void decline()}>
                {t('incoming.declineConfirm')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      ) : null}
    </Stack>
  );
}
