/**
 * The printable case summary: the user picks the sections, the PDF is made in the user's language and
 * offered as a download named after the case code (never the person's name).
 */
import { useState } from 'react';
import { Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CASE_SUMMARY_SECTIONS, type CaseSummarySection } from '../../../../shared/casework/case-summary.schema';
import type { ErrorPayload } from '../../../../shared/errors';
import { call, toErrorPayload } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { useLanguage } from '../../format/labels';
import { base64ToBytes, saveFile } from '../../handover/files';

export function CaseSummaryButton({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="default" onClick={() => setOpen(true)} data-testid="open-case-summary">
        {t('casework.summary.open')}
      </Button>
      {open ? <CaseSummaryDialog personId={personId} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

export function CaseSummaryDialog({ personId, onClose }: { personId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [sections, setSections] = useState<string[]>(['keyFacts', 'procedure', 'tasks', 'appointments']);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [missing, setMissing] = useState(false);

  async function make() {
    if (sections.length === 0) {
      setMissing(true);
      return;
    }
    setBusy(true);
    try {
      const file = await call('caseSummary.pdf', { personId, sections: sections as CaseSummarySection[], language });
      saveFile(new Blob([base64ToBytes(file.contentBase64)], { type: 'application/pdf' }), file.fileName);
      notifySuccess(t('casework.summary.made', { file: file.fileName }));
      onClose();
    } catch (e) {
      setError(toErrorPayload(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title={t('casework.summary.title')} centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack gap="sm">
        <Text size="sm">{t('casework.summary.intro')}</Text>
        <Checkbox.Group
          label={t('casework.summary.sections')}
          value={sections}
          onChange={(v) => {
            setSections(v);
            setMissing(false);
          }}
          error={missing ? t('casework.summary.chooseOne') : undefined}
        >
          <Stack gap={6} mt="xs">
            {CASE_SUMMARY_SECTIONS.map((s) => (
              <Checkbox key={s} value={s} label={t(`casework.summary.${s}`)} />
            ))}
          </Stack>
        </Checkbox.Group>
        <ErrorAlert error={error} testId="case-summary-error" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void make()} loading={busy} data-testid="make-case-summary">
            {busy ? t('casework.summary.making') : t('casework.summary.make')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
