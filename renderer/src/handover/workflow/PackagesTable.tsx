/** The packages sent for a handover, each with its receipt: waiting, accepted or declined (with the reason). */
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SentPackageView } from '../../../../shared/handover/handover.ipc';
import { RECEIPT_OUTCOME_REASONS, type ReceiptOutcomeReason } from '../../../../shared/handover/reasons';
import { formatDateTime } from '../../format/date-format';
import { dateWithWeekday } from '../../format/deadline';
import { fileSize, useLanguage } from '../../format/labels';
import { dateTimeWithWeekday } from '../format';
import { StatusChip } from '../parts/StatusChip';

function isOutcomeReason(reason: string | null): reason is ReceiptOutcomeReason {
  return reason !== null && (RECEIPT_OUTCOME_REASONS as readonly string[]).includes(reason);
}

export function PackagesTable({ packages }: { packages: SentPackageView[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table captionSide="top" verticalSpacing="sm" data-testid="sent-packages">
        <Table.Caption>{t('handover.packages.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('handover.packages.colCreated')}</Table.Th>
            <Table.Th scope="col">{t('handover.packages.colContent')}</Table.Th>
            <Table.Th scope="col">{t('handover.packages.colExpires')}</Table.Th>
            <Table.Th scope="col">{t('handover.packages.colReceipt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {packages.map((p) => (
            <Table.Tr key={p.packageId} data-testid={`package-${p.packageId}`}>
              <Table.Th scope="row" fw={500}>
                {formatDateTime(p.createdAt)}
              </Table.Th>
              <Table.Td>
                <Text size="sm">
                  {p.sections.length > 0 ? p.sections.map((s) => t(`dataCategories.${s as 'identity'}`)).join(', ') : t('common.none')}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('handover.packages.attachments', { count: p.attachmentCount, size: fileSize(p.bytes, language) })}
                </Text>
              </Table.Td>
              <Table.Td>{dateTimeWithWeekday(t, p.expiresAt)}</Table.Td>
              <Table.Td>
                {p.receipt === null ? (
                  <StatusChip status="sent">{t('handover.packages.waiting')}</StatusChip>
                ) : (
                  <>
                    <StatusChip status={p.receipt.outcome} testId="receipt-outcome">
                      {t(`handover.packages.outcome.${p.receipt.outcome}`)}
                    </StatusChip>
                    <Text size="xs" mt={4}>
                      {t('handover.packages.receiptAt', { date: formatDateTime(p.receipt.at) })}
                    </Text>
                    {p.receipt.outcome === 'rejected' ? (
                      <Text size="sm" c="#a51d1d" fw={600}>
                        {isOutcomeReason(p.receipt.reason) ? t(`handoverReasons.${p.receipt.reason}`) : p.receipt.reason}
                      </Text>
                    ) : null}
                    {p.deletionDueOn ? (
                      <Text size="sm" fw={600} data-testid="deletion-due">
                        {t('handover.packages.deletionDue', { date: dateWithWeekday(t, p.deletionDueOn) })}
                      </Text>
                    ) : null}
                  </>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
