/**
 * Attachments (scans, PDFs, photos of documents), kept encrypted inside the vault: add one with a
 * progress indicator (reading the file, then encrypting and saving), and a clear error above the size
 * cap before anything is read; list them with type, date and size; open images, save a copy of any
 * file, remove one.
 */
import { useEffect, useRef, useState } from 'react';
import { Button, Group, Image, Input, Modal, NativeSelect, Paper, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../../../shared/errors';
import {
  ATTACHMENT_KINDS,
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_MAX_MEGABYTES,
  ATTACHMENT_MEDIA_TYPES,
  type AttachmentMediaType,
  type AttachmentMeta,
} from '../../../../shared/persons/attachment.schema';
import { call, toErrorPayload } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { formName } from '../../forms/form-rules';
import { useFormFeedback } from '../../forms/useFormFeedback';
import { formatDateTime } from '../../format/date-format';
import { dateWithWeekday, parseTypedDate } from '../../format/deadline';
import { fileSize, useLanguage } from '../../format/labels';
import { DateField } from '../parts/DateField';
import { dateInput } from '../person-form-values';

type Kind = (typeof ATTACHMENT_KINDS)[number];

interface UploadValues {
  file: File | null;
  kind: Kind;
  documentDate: string;
}

const FIELDS = ['file', 'kind', 'documentDate'] as const;

function isMediaType(type: string): type is AttachmentMediaType {
  return (ATTACHMENT_MEDIA_TYPES as readonly string[]).includes(type);
}

/** The file as base64, reporting progress; the data-URL prefix is cut off. */
function readAsBase64(file: File, onProgress: (percent: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.onload = () => {
      const text = String(reader.result ?? '');
      resolve(text.slice(text.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}

function base64ToBlob(base64: string, type: string): Blob {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type });
}

type Progressing = { stage: 'reading'; percent: number } | { stage: 'saving' } | null;

interface AttachmentsPanelProps {
  personId: string;
  attachments: AttachmentMeta[];
  onChanged: (attachments: AttachmentMeta[]) => void;
}

export function AttachmentsPanel({ personId, attachments, onChanged }: AttachmentsPanelProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [progress, setProgress] = useState<Progressing>(null);
  const [fileKey, setFileKey] = useState(0);
  const [preview, setPreview] = useState<{ name: string; url: string } | null>(null);
  const [removing, setRemoving] = useState<AttachmentMeta | null>(null);
  const [actionError, setActionError] = useState<ErrorPayload | null>(null);
  const actionAlertRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (actionError) actionAlertRef.current?.focus();
  }, [actionError]);

  const form = useForm<UploadValues>({
    name: formName('attachment', personId),
    initialValues: { file: null, kind: 'identityDocument', documentDate: '' },
    validate: {
      file: (file) => {
        if (!file) return t('attachments.chooseFile');
        if (file.size > ATTACHMENT_MAX_BYTES) return t('errors.attachmentTooLarge', { maxMb: ATTACHMENT_MAX_MEGABYTES });
        if (!isMediaType(file.type)) return t('attachments.unsupportedType');
        return null;
      },
      documentDate: (text) => (text.trim() === '' || parseTypedDate(text) ? null : t('validation.date')),
    },
  });
  const feedback = useFormFeedback(form, {
    fields: FIELDS,
    keyFields: { attachmentTooLarge: 'file', attachmentTypeMismatch: 'file', attachmentUnreadable: 'file' },
  });
  const fileProps = form.getInputProps('file');
  const values = form.getValues();
  const fileId = `attachment-file-${personId}`;

  async function upload(values: UploadValues) {
    const file = values.file;
    if (!file || !isMediaType(file.type)) return;
    feedback.clearFormError();
    setProgress({ stage: 'reading', percent: 0 });
    try {
      const contentBase64 = await readAsBase64(file, (percent) => setProgress({ stage: 'reading', percent }));
      setProgress({ stage: 'saving' });
      const meta = await call('attachments.add', {
        personId,
        kind: values.kind,
        mediaType: file.type,
        fileName: file.name,
        documentDate: dateInput(values.documentDate) as AttachmentMeta['documentDate'],
        contentBase64,
      });
      onChanged([...attachments, meta]);
      notifySuccess(t('attachments.added', { fileName: meta.fileName }));
      form.reset();
      setFileKey((k) => k + 1);
    } catch (error) {
      feedback.handleError(error);
    } finally {
      setProgress(null);
    }
  }

  async function fetchContent(attachment: AttachmentMeta): Promise<Blob | null> {
    setActionError(null);
    try {
      const { contentBase64 } = await call('attachments.get', { attachmentId: attachment.id });
      return base64ToBlob(contentBase64, attachment.mediaType);
    } catch (error) {
      setActionError(toErrorPayload(error));
      return null;
    }
  }

  async function open(attachment: AttachmentMeta) {
    setActionError(null);
    try {
      const { contentBase64 } = await call('attachments.get', { attachmentId: attachment.id });
      // Images only: the strict content policy allows data: images, nothing else inline.
      setPreview({ name: attachment.fileName, url: `data:${attachment.mediaType};base64,${contentBase64}` });
    } catch (error) {
      setActionError(toErrorPayload(error));
    }
  }

  async function saveCopy(attachment: AttachmentMeta) {
    const blob = await fetchContent(attachment);
    if (!blob) return;
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = attachment.fileName;
    document.body.append(link);
    link.click();
    link.remove();
    // Give the download a moment to start before the bytes are released.
    window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  async function remove(attachment: AttachmentMeta) {
    setActionError(null);
    try {
      await call('attachments.remove', { attachmentId: attachment.id });
      onChanged(attachments.filter((a) => a.id !== attachment.id));
      notifySuccess(t('attachments.removed', { fileName: attachment.fileName }));
      setRemoving(null);
    } catch (error) {
      setRemoving(null);
      setActionError(toErrorPayload(error));
    }
  }

  return (
    <Stack gap="md">
      <ErrorAlert error={actionError} ref={actionAlertRef} testId="attachment-action-error" />
      {attachments.length === 0 ? (
        <Text c="dimmed">{t('attachments.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped captionSide="top" data-testid="attachments-table">
            <Table.Caption>{t('attachments.tableCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('attachments.colName')}</Table.Th>
                <Table.Th scope="col">{t('attachments.colKind')}</Table.Th>
                <Table.Th scope="col">{t('attachments.colDate')}</Table.Th>
                <Table.Th scope="col">{t('attachments.colAdded')}</Table.Th>
                <Table.Th scope="col">{t('attachments.colSize')}</Table.Th>
                <Table.Th scope="col">{t('attachments.colActions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {attachments.map((a) => (
                <Table.Tr key={a.id} data-testid={`attachment-${a.fileName}`}>
                  <Table.Th scope="row" fw={500} style={{ wordBreak: 'break-all' }}>
                    {a.fileName}
                  </Table.Th>
                  <Table.Td>{t(`attachmentKinds.${a.kind}`)}</Table.Td>
                  <Table.Td>{a.documentDate ? dateWithWeekday(t, a.documentDate) : t('common.none')}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(a.addedAt)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{fileSize(a.sizeBytes, language)}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      {a.mediaType.startsWith('image/') && a.mediaType !== 'image/tiff' ? (
                        <Button size="xs" variant="default" aria-label={t('attachments.openOf', { fileName: a.fileName })} onClick={() => void open(a)}>
                          {t('attachments.open')}
                        </Button>
                      ) : null}
                      <Button size="xs" variant="default" aria-label={t('attachments.downloadOf', { fileName: a.fileName })} onClick={() => void saveCopy(a)}>
                        {t('attachments.download')}
                      </Button>
                      <Button size="xs" variant="light" color="red" aria-label={t('attachments.removeOf', { fileName: a.fileName })} onClick={() => setRemoving(a)}>
                        {t('attachments.remove')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      <Paper withBorder p="md" bg="gray.0">
        <Title order={3} size="h5" mb="sm">
          {t('attachments.addTitle')}
        </Title>
        <form onSubmit={form.onSubmit(upload, feedback.onValidationFailure)} noValidate data-testid="attachment-form">
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Input.Wrapper
                label={t('attachments.file')}
                description={t('attachments.fileHint', { maxMb: ATTACHMENT_MAX_MEGABYTES })}
                error={form.errors.file}
                id={fileId}
                labelProps={{ id: `${fileId}-label` }}
              >
                {/* The native input stays focusable but hidden; its button would speak the browser's language. */}
                <div className="file-picker">
                  <input
                    key={fileKey}
                    id={fileId}
                    type="file"
                    accept={ATTACHMENT_MEDIA_TYPES.join(',')}
                    className="file-picker-input"
                    data-path={(fileProps as unknown as Record<string, string>)['data-path']}
                    aria-labelledby={`${fileId}-label`}
                    aria-invalid={form.errors.file ? true : undefined}
                    aria-describedby={`${fileId}-description ${fileId}-chosen${form.errors.file ? ` ${fileId}-error` : ''}`}
                    onChange={(event) => {
                      form.setFieldValue('file', event.currentTarget.files?.[0] ?? null);
                      form.validateField('file');
                    }}
                  />
                  <label htmlFor={fileId} className="file-picker-button" aria-hidden="true">
                    {t('attachments.chooseButton')}
                  </label>
                  <Text size="sm" id={`${fileId}-chosen`} className="file-picker-name">
                    {values.file ? `${values.file.name} (${fileSize(values.file.size, language)})` : t('attachments.noFileChosen')}
                  </Text>
                </div>
              </Input.Wrapper>
              <NativeSelect
                label={t('attachments.kind')}
                data={ATTACHMENT_KINDS.map((k) => ({ value: k, label: t(`attachmentKinds.${k}`) }))}
                {...form.getInputProps('kind')}
              />
              <DateField label={t('attachments.documentDate')} {...form.getInputProps('documentDate')} />
            </SimpleGrid>
            {progress ? (
              <Stack gap={4} role="status">
                <Text size="sm">{progress.stage === 'reading' ? t('attachments.reading', { percent: progress.percent }) : t('attachments.saving')}</Text>
                <Progress
                  value={progress.stage === 'reading' ? progress.percent : 100}
                  animated={progress.stage === 'saving'}
                  striped={progress.stage === 'saving'}
                  aria-label={progress.stage === 'reading' ? t('attachments.reading', { percent: progress.percent }) : t('attachments.saving')}
                  data-testid="attachment-progress"
                />
              </Stack>
            ) : null}
            <ErrorAlert error={feedback.formError} ref={feedback.alertRef} testId="attachment-error" />
            <Group justify="flex-end">
              <Button type="submit" loading={progress !== null}>
                {t('attachments.upload')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>

      {preview ? (
        <Modal opened onClose={() => setPreview(null)} title={t('attachments.previewTitle', { fileName: preview.name })} size="xl" centered closeButtonProps={{ 'aria-label': t('common.close') }}>
          <Image src={preview.url} alt={preview.name} fit="contain" mah="75vh" />
        </Modal>
      ) : null}

      {removing ? (
        <Modal
          opened
          onClose={() => setRemoving(null)}
          title={t('attachments.removeTitle', { fileName: removing.fileName })}
          centered
          closeButtonProps={{ 'aria-label': t('common.close') }}
        >
          <Stack>
            <Text>{t('attachments.removeExplanation')}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setRemoving(null)} data-autofocus>
                {t('common.cancel')}
              </Button>
              <Button color="red" onClick={() => void remove(removing)}>
                {t('attachments.removeConfirm')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      ) : null}
    </Stack>
  );
}
