import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Anchor, Button, Code, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isAuditAction, isAuditSubjectType } from '../../../shared/audit';
import { useNavigation } from '../app/navigation';
import { AuditFilters, type AuditFilterValues } from './AuditFilters';
import type { ErrorPayload } from '../../../shared/errors';
import type { AuditEntrySummary, AuditVerification } from '../../../shared/ipc/contract';
import { call, toErrorPayload } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageTitle } from '../components/PageTitle';
import { formatDateTime } from '../format/date-format';

const PAGE_SIZE = 100;

type VerifyOutcome = { kind: 'result'; result: AuditVerification } | { kind: 'error'; error: ErrorPayload };

/**
 * Administrators: the latest audit entries in words, filtered by user, action, period and case; an
 * entry about a person links to the case (its code resolved for those who may see it); and a check
 * of the whole chained trail.
 */
export function AuditPage() {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const [filters, setFilters] = useState<AuditFilterValues>({});
  const [entries, setEntries] = useState<AuditEntrySummary[] | null>(null);
  const [hasOlder, setHasOlder] = useState(false);
  const [loading, setLoading] = useState(true);
  const [loadError, setLoadError] = useState<ErrorPayload | null>(null);
  const [verifying, setVerifying] = useState(false);
  const [outcome, setOutcome] = useState<VerifyOutcome | null>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);

  const load = useCallback(async (beforeSeq?: number) => {
    setLoading(true);
    try {
      const page = await call('audit.list', beforeSeq === undefined ? { limit: PAGE_SIZE, ...filters } : { limit: PAGE_SIZE, beforeSeq, ...filters });
      setEntries((previous) => (beforeSeq === undefined || previous === null ? page : [...previous, ...page]));
      setHasOlder(page.length === PAGE_SIZE);
      setLoadError(null);
    } catch (error) {
      setLoadError(toErrorPayload(error));
    } finally {
      setLoading(false);
    }
  }, [filters]);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);

  async function verify() {
    setVerifying(true);
    setOutcome(null);
    try {
      setOutcome({ kind: 'result', result: await call('audit.verify', {}) });
    } catch (error) {
      setOutcome({ kind: 'error', error: toErrorPayload(error) });
    } finally {
      setVerifying(false);
    }
  }

  const oldestSeq = entries && entries.length > 0 ? Math.min(...entries.map((entry) => entry.seq)) : undefined;

  return (
    <Stack maw={1100}>
      <PageTitle>{t('audit.title')}</PageTitle>
      <Text>{t('audit.intro')}</Text>

      <Group>
        <Button onClick={() => void verify()} loading={verifying}>
          {t('audit.verify')}
        </Button>
        <Button variant="default" onClick={() => void load()} loading={loading && entries !== null}>
          {t('common.refresh')}
        </Button>
      </Group>

      {outcome ? <VerifyOutcomeView outcome={outcome} ref={outcomeRef} /> : null}

      <AuditFilters
        value={filters}
        onApply={(next) => {
          setEntries(null);
          setFilters(next);
        }}
      />

      {loadError ? (
        <Stack gap="xs" align="flex-start">
          <Text>{t('audit.loadFailed')}</Text>
          <ErrorAlert error={loadError} testId="audit-load-error" />
        </Stack>
      ) : null}

      {entries === null && loading ? <Loader aria-label={t('common.loading')} /> : null}

      {entries !== null ? (
        <Table.ScrollContainer minWidth={800}>
          <Table striped captionSide="top" aria-busy={loading} data-testid="audit-table">
            <Table.Caption>{t('audit.tableCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('audit.seq')}</Table.Th>
                <Table.Th scope="col">{t('audit.at')}</Table.Th>
                <Table.Th scope="col">{t('audit.actor')}</Table.Th>
                <Table.Th scope="col">{t('audit.action')}</Table.Th>
                <Table.Th scope="col">{t('audit.subjectType')}</Table.Th>
                <Table.Th scope="col">{t('audit.subjectId')}</Table.Th>
                <Table.Th scope="col">{t('casework.auditCaseColumn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.length === 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={7}>{t('audit.empty')}</Table.Td>
                </Table.Tr>
              ) : null}
              {entries.map((entry) => (
                <Table.Tr key={entry.seq}>
                  <Table.Td ff="monospace">{entry.seq}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.at)}</Table.Td>
                  <Table.Td>{entry.actor ?? t('audit.system')}</Table.Td>
                  <Table.Td>
                    {isAuditAction(entry.action) ? (
                      <Stack gap={2}>
                        <Text size="sm">{t(`auditActions.${entry.action}`)}</Text>
                        <Code c="dark.6" w="fit-content">
                          {entry.action}
                        </Code>
                      </Stack>
                    ) : (
                      <Code>{entry.action}</Code>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {entry.subjectType === null
                      ? t('common.none')
                      : isAuditSubjectType(entry.subjectType)
                        ? t(`auditSubjects.${entry.subjectType}`)
                        : entry.subjectType}
                  </Table.Td>
                  <Table.Td ff="monospace" style={{ wordBreak: 'break-all' }}>
                    {entry.subjectId ?? t('common.none')}
                  </Table.Td>
                  <Table.Td>
                    {entry.caseCode && entry.subjectId ? (
                      <Anchor
                        component="button"
                        type="button"
                        className="case-code"
                        aria-label={t('casework.auditOpenCase', { caseCode: entry.caseCode })}
                        onClick={() => entry.subjectId && navigation.go({ area: 'persons', personId: entry.subjectId })}
                      >
                        {entry.caseCode}
                      </Anchor>
                    ) : entry.subjectType === 'person' ? (
                      <Text size="sm">{t('casework.auditRecordGone')}</Text>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}

      {hasOlder && oldestSeq !== undefined ? (
        <Button variant="default" w="fit-content" onClick={() => void load(oldestSeq)} loading={loading}>
          {t('audit.loadOlder')}
        </Button>
      ) : null}
    </Stack>
  );
}

function VerifyOutcomeView({ outcome, ref }: { outcome: VerifyOutcome; ref: React.Ref<HTMLDivElement> }) {
  const { t } = useTranslation();
  if (outcome.kind === 'error') {
    // The trail may report a break as an error (auditBroken with the entry in details.seq).
    return <ErrorAlert error={outcome.error} ref={ref} testId="audit-verify-result" />;
  }
  const { result } = outcome;
  if (result.ok) {
    return (
      <Alert ref={ref} tabIndex={-1} color="green" variant="light" role="status" data-testid="audit-verify-result" data-ok="true">
        {t('audit.verifyOk', { entries: result.entries })}
      </Alert>
    );
  }
  return (
    <Alert ref={ref} tabIndex={-1} color="red" variant="light" role="alert" data-testid="audit-verify-result" data-ok="false">
      <Text>
        {result.firstBrokenSeq === null
          ? t('errors.auditBroken', { seq: t('common.none') })
          : t('audit.verifyBroken', { seq: result.firstBrokenSeq })}
      </Text>
      {result.reason ? <Text size="sm">{t('audit.verifyReason', { reason: result.reason })}</Text> : null}
    </Alert>
  );
}
