/**
 * Importing the receipt a partner sent back: checked like a package (signature of the
 * verified partner, the package it names, replays); once accepted, the handover is closed and shows
 * when this organisation's copy of the person's file is due for deletion.
 */
import { useState } from 'react';
import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../../../shared/errors';
import type { HandoverView } from '../../../../shared/handover/handover.ipc';
import { call, toErrorPayload } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { readFileAsBase64 } from '../files';
import { FilePicker, type Busy } from '../parts/FilePicker';

export function ReceiptImport({ onImported, testId = 'receipt-file' }: { onImported: (view: HandoverView) => void; testId?: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);

  async function importReceipt(file: File) {
    setError(null);
    setBusy({ label: t('handover.receipt.reading'), percent: 0 });
    try {
      const fileBase64 = await readFileAsBase64(file, (percent) => setBusy({ label: t('handover.receipt.reading'), percent }));
      setBusy({ label: t('handover.receipt.checking'), percent: null });
      onImported(await call('handover.importReceipt', { fileBase64 }));
    } catch (e) {
      setError(toErrorPayload(e));
    } finally {
      setBusy(null);
    }
  }

  return (
    <Stack gap="xs">
      <FilePicker
        label={t('handover.receipt.label')}
        description={t('handover.receipt.hint')}
        accept=".handover-receipt"
        buttonText={t('handover.receipt.button')}
        onFile={(f) => void importReceipt(f)}
        busy={busy}
        testId={testId}
      />
      <ErrorAlert error={error} testId={`${testId}-error`} />
    </Stack>
  );
}
