/** Packages received here: accepted (with the person created) or declined, and the receipt to save again. */
import { Button, Group, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../../../shared/errors';
import { ERASED_SENDER_CASE_CODE, type ImportSummary } from '../../../../shared/handover/handover.ipc';
import { call, toErrorPayload } from '../../api/client';
import { useNavigation } from '../../app/navigation';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../format/date-format';
import { StatusChip } from '../parts/StatusChip';
import { saveOutputFile } from '../workflow/ExportPanel';

export function ReceivedList({ imports }: { imports: ImportSummary[] }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const [error, setError] = useState<ErrorPayload | null>(null);

  async function saveReceipt(importId: string) {
    setError(null);
    try {
      saveOutputFile(await call('handover.receipt', { importId }), 'text/plain');
    } catch (e) {
      setError(toErrorPayload(e));
    }
  }

  if (imports.length === 0) return <Text c="dimmed">{t('incoming.noneReceived')}</Text>;
  return (
    <>
      <ErrorAlert error={error} testId="received-error" />
      <Table.ScrollContainer minWidth={760}>
        <Table captionSide="top" verticalSpacing="sm" data-testid="received-packages">
          <Table.Caption>{t('incoming.receivedCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('incoming.colReceived')}</Table.Th>
              <Table.Th scope="col">{t('incoming.sender')}</Table.Th>
              <Table.Th scope="col">{t('incoming.colOutcome')}</Table.Th>
              <Table.Th scope="col">{t('incoming.colActions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {imports.map((i) => (
              <Table.Tr key={i.importId}>
                <Table.Th scope="row" fw={500}>
                  {formatDateTime(i.importedAt)}
                </Table.Th>
                <Table.Td>
                  <Text>{i.senderName}</Text>
                  <Text size="xs" c="dimmed">
                    {i.senderCaseCode === ERASED_SENDER_CASE_CODE
                      ? t('incoming.recordErased', { country: t(`countries.${i.senderCountry}`) })
                      : t('incoming.theirCase', { country: t(`countries.${i.senderCountry}`), caseCode: i.senderCaseCode })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <StatusChip status={i.outcome}>{t(`incoming.outcome.${i.outcome}`)}</StatusChip>
                  {i.caseCode ? (
                    <Text size="sm" className="case-code" mt={4}>
                      {i.caseCode}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Group gap="xs">
                    <Button size="xs" variant="default" onClick={() => void saveReceipt(i.importId)}>
                      {t('incoming.saveReceiptAgain')}
                    </Button>
                    {i.personId ? (
                      <Button size="xs" variant="default" onClick={() => navigation.go({ area: 'persons', personId: i.personId! })}>
                        {t('handover.openPerson')}
                      </Button>
                    ) : null}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
