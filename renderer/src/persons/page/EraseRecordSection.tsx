/**
 * Administrators: delete a person's record for good (`persons.erase`), after the retention period
 * that follows a handover, at the person's request, or when it was registered by mistake. The dialog
 * says what goes and what stays (one audit entry; older backups), asks for a reason and for the case
 * code typed again; the button stays disabled until it matches.
 */
import { useEffect, useRef, useState } from 'react';
import { Button, Group, Modal, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../../../shared/errors';
import { sameCaseCode } from '../../../../shared/persons/case-code';
import { ERASE_REASONS, type EraseReason } from '../../../../shared/persons/person.schema';
import { call, toErrorPayload } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';

export function EraseRecordSection({ personId, caseCode, onErased }: { personId: string; caseCode: string; onErased: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Stack component="section" aria-labelledby="erase-title" gap="xs" data-testid="erase-record">
      <Title order={2} size="h3" id="erase-title">
        {t('personErase.title')}
      </Title>
      <Text size="sm">{t('personErase.intro')}</Text>
      <Button variant="outline" color="red.9" w="fit-content" onClick={() => setOpen(true)}>
        {t('personErase.open')}
      </Button>
      {open ? <EraseDialog personId={personId} caseCode={caseCode} onClose={() => setOpen(false)} onErased={onErased} /> : null}
    </Stack>
  );
}

function EraseDialog({ personId, caseCode, onClose, onErased }: { personId: string; caseCode: string; onClose: () => void; onErased: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<EraseReason>('retentionEnded');
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const matches = sameCaseCode(typed, caseCode);

  useEffect(() => {
    if (error) alertRef.current?.focus();
  }, [error]);

  async function erase() {
    setBusy(true);
    setError(null);
    try {
      const result = await call('persons.erase', { personId, confirmCaseCode: typed, reason });
      notifySuccess(t('personErase.done', { caseCode: result.caseCode }));
      onErased();
    } catch (e) {
      setError(toErrorPayload(e));
      setBusy(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title={t('personErase.dialogTitle', { caseCode })} centered size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (matches && !busy) void erase();
        }}
      >
        <Stack>
          <Text size="sm">{t('personErase.what')}</Text>
          <Text size="sm" fw={600}>
            {t('personErase.backups')}
          </Text>
          <NativeSelect
            label={t('personErase.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value as EraseReason)}
            data={ERASE_REASONS.map((r) => ({ value: r, label: t(`eraseReasons.${r}`) }))}
          />
          <TextInput
            label={t('personErase.confirmLabel', { caseCode })}
            value={typed}
            onChange={(e) => setTyped(e.currentTarget.value)}
            autoComplete="off"
            spellCheck={false}
            data-autofocus
            data-testid="erase-confirm-code"
          />
          <ErrorAlert error={error} ref={alertRef} testId="erase-error" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={busy}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red.9" disabled={!matches} loading={busy}>
              {t('personErase.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
