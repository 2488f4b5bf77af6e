/**
 * The Import screen (administrators; docs/import.md): choose a spreadsheet, map its columns (the
 * organisation's last mapping is filled in), see the first rows' values as they will be read, run a
 * dry run that lists every row with its problems, then import the rows without problems in one step.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Badge, Button, Checkbox, Group, List, NativeSelect, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isAppError, type ErrorPayload } from '../../../shared/errors';
import {
  MAX_IMPORT_FILE_BYTES,
  type ImportFile,
  type ImportInspection,
  type ImportReport,
  type ImportResult,
  type RowReport,
} from '../../../shared/import/import.schema';
import { emptyMapping, type ImportMapping } from '../../../shared/import/mapping.schema';
import { mapRow, resolveColumns } from '../../../shared/import/row-mapping';
import type { CalendarDate } from '../../../shared/dates/calendar-date';
import { call, toErrorPayload } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageTitle } from '../components/PageTitle';
import { formatDate } from '../format/date-format';
import { countryName, useLanguage } from '../format/labels';
import { readFileAsBase64 } from '../handover/files';
import { FilePicker, type Busy } from '../handover/parts/FilePicker';
import { eventLabel } from '../persons/rule-labels';
import { MappingForm } from './MappingForm';
import { OwnWords } from './OwnWords';
import { problemText } from './import-text';

/** More rows than this are not drawn at once; the totals still count every row. */
const SHOWN_ROWS = 1000;

function todayHere(): CalendarDate {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}` as CalendarDate;
}

/** The remembered mapping when every column it names is in this sheet; else an empty one. */
function startingMapping(inspection: ImportInspection): { mapping: ImportMapping; remembered: boolean } {
  const remembered = inspection.remembered;
  if (remembered) {
    try {
      resolveColumns(inspection.headers, remembered);
      return { mapping: { ...remembered, sheet: inspection.sheet ?? undefined }, remembered: true };
    } catch {
      // This sheet has other columns: start afresh.
    }
  }
  const mapping = emptyMapping();
  return { mapping: inspection.sheet ? { ...mapping, sheet: inspection.sheet } : mapping, remembered: false };
}

export function ImportPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [file, setFile] = useState<ImportFile | null>(null);
  const [inspection, setInspection] = useState<ImportInspection | null>(null);
  const [mapping, setMapping] = useState<ImportMapping>(emptyMapping());
  const [remembered, setRemembered] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [onlyProblems, setOnlyProblems] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const reportRef = useRef<HTMLHeadingElement>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);

  // A dry run started with its button moves focus to its title; one re-run after choosing a word leaves focus on the word.
  const focusReport = useRef(false);
  useEffect(() => {
    if (report && focusReport.current) reportRef.current?.focus();
    focusReport.current = false;
  }, [report]);
  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);

  function reset() {
    setError(null);
    setReport(null);
    setResult(null);
  }

  async function inspect(chosen: ImportFile, sheet?: string, headerRow?: number) {
    reset();
    setBusy({ label: t('spreadsheetImport.reading'), percent: null });
    try {
      const found = await call('spreadsheetImport.inspect', { file: chosen, ...(sheet ? { sheet } : {}), ...(headerRow ? { headerRow } : {}) });
      const start = startingMapping(found);
      setFile(chosen);
      setInspection(found);
      setMapping(headerRow ? { ...start.mapping, headerRow } : start.mapping);
      setRemembered(start.remembered);
    } catch (e) {
      setInspection(null);
      setError(toErrorPayload(e));
    } finally {
      setBusy(null);
    }
  }

  async function choose(chosen: File) {
    reset();
    setInspection(null);
    setBusy({ label: t('spreadsheetImport.reading'), percent: 0 });
    try {
      const fileBase64 = await readFileAsBase64(chosen, (percent) => setBusy({ label: t('spreadsheetImport.reading'), percent }));
      await inspect({ fileName: chosen.name, fileBase64 });
    } catch (e) {
      setError(toErrorPayload(e));
      setBusy(null);
    }
  }

  async function dryRun() {
    focusReport.current = true;
    await dryRunWith(mapping);
  }

  async function dryRunWith(m: ImportMapping) {
    if (!file) return;
    setError(null);
    setResult(null);
    setBusy({ label: t('spreadsheetImport.checking'), percent: null });
    try {
      const found = await call('spreadsheetImport.dryRun', { file, mapping: m });
      // A new dry run starts on the rows with problems; a re-run after choosing a word keeps the view.
      if (focusReport.current) setOnlyProblems(found.totals.withProblems > 0);
      setReport(found);
    } catch (e) {
      setError(toErrorPayload(e));
    } finally {
      setBusy(null);
    }
  }

  async function runImport() {
    if (!file || !report) return;
    setError(null);
    setBusy({ label: t('spreadsheetImport.importing', { count: report.totals.valid }), percent: null });
    try {
      const done = await call('spreadsheetImport.run', { file, mapping });
      setReport(null);
      setResult(done);
    } catch (e) {
      setError(toErrorPayload(e));
    } finally {
      setBusy(null);
    }
  }

  // The first rows read with the mapping as it stands: what each value will become.
  const preview = useMemo(() => {
    if (!inspection) return null;
    try {
      const columns = resolveColumns(inspection.headers, mapping);
      const today = todayHere();
      return inspection.preview.map((r) => mapRow({ row: r.row, cells: r.cells, formulasWithoutResult: [] }, mapping, columns, today));
    } catch (e) {
      return isAppError(e) ? e.toPayload() : null;
    }
  }, [inspection, mapping]);

  const working = busy !== null;
  const eventsText = (r: Pick<RowReport, 'events'>) =>
    r.events.map((e) => `${countryName(e.country, language)}: ${eventLabel(e.country, e.type, language)} ${formatDate(e.date)}`);

  return (
    <Stack gap="lg" maw={1200}>
      <PageTitle>{t('spreadsheetImport.title')}</PageTitle>
      <Text>{t('spreadsheetImport.intro')}</Text>

      {result ? (
        <Paper withBorder p="md" data-testid="import-result">
          <Stack gap="sm">
            <Title order={2} size="h3" ref={resultRef} tabIndex={-1}>
              {t('spreadsheetImport.doneTitle', { count: result.imported.length })}
            </Title>
            <Text>{t('spreadsheetImport.doneText')}</Text>
            <Table striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('spreadsheetImport.colRow')}</Table.Th>
                  <Table.Th>{t('spreadsheetImport.colCaseCode')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.imported.slice(0, SHOWN_ROWS).map((i) => (
                  <Table.Tr key={i.personId}>
                    <Table.Td>{i.row}</Table.Td>
                    <Table.Td>{i.caseCode}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Group>
              <Button
                variant="light"
                onClick={() => {
                  setResult(null);
                  setInspection(null);
                  setFile(null);
                }}
              >
                {t('spreadsheetImport.again')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      ) : (
        <>
          <FilePicker
            label={t('spreadsheetImport.fileLabel')}
            description={t('spreadsheetImport.fileDescription', { maxMb: MAX_IMPORT_FILE_BYTES / 1024 / 1024 })}
            accept=".xlsx,.csv,.txt"
            buttonText={t('spreadsheetImport.chooseFile')}
            onFile={(f) => void choose(f)}
            busy={busy}
            testId="import-file"
          />
          <ErrorAlert error={error} testId="import-error" />

          {inspection && file ? (
            <Stack gap="md">
              <Text size="sm" data-testid="import-file-summary">
                {t('spreadsheetImport.fileSummary', { rows: inspection.rowCount, columns: inspection.headers.length })}{' '}
                {inspection.kind === 'csv'
                  ? t('spreadsheetImport.csvDetails', {
                      encoding: inspection.encoding === 'windows-1252' ? 'Windows-1252' : 'UTF-8',
                      delimiter: inspection.delimiter === '\t' ? 'Tab' : `"${inspection.delimiter ?? ','}"`,
                    })
                  : null}
              </Text>
              <Group gap="sm">
                {inspection.sheets.length > 1 ? (
                  <NativeSelect
                    label={t('spreadsheetImport.sheet')}
                    data={inspection.sheets}
                    value={inspection.sheet ?? ''}
                    disabled={working}
                    onChange={(e) => void inspect(file, e.currentTarget.value, mapping.headerRow)}
                  />
                ) : null}
                <NativeSelect
                  label={t('spreadsheetImport.headerRow')}
                  data={Array.from({ length: 10 }, (_, i) => String(i + 1))}
                  value={String(mapping.headerRow)}
                  disabled={working}
                  onChange={(e) => void inspect(file, inspection.sheet ?? undefined, Number(e.currentTarget.value))}
                />
              </Group>
              {remembered ? (
                <Alert color="blue" variant="light" data-testid="import-remembered">
                  {t('spreadsheetImport.remembered')}
                </Alert>
              ) : null}
              <MappingForm
                headers={inspection.headers}
                mapping={mapping}
                disabled={working}
                onChange={(m) => {
                  setMapping(m);
                  setReport(null);
                }}
              />

              <Title order={2} size="h4">
                {t('spreadsheetImport.previewTitle')}
              </Title>
              {preview && !Array.isArray(preview) ? (
                <ErrorAlert error={preview} />
              ) : preview ? (
                <Table striped withTableBorder data-testid="import-preview">
                  <Table.Caption>{t('spreadsheetImport.previewCaption')}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('spreadsheetImport.colRow')}</Table.Th>
                      <Table.Th>{t('spreadsheetImport.colName')}</Table.Th>
                      <Table.Th>{t('spreadsheetImport.colDob')}</Table.Th>
                      <Table.Th>{t('spreadsheetImport.fields.gender')}</Table.Th>
                      <Table.Th>{t('spreadsheetImport.fields.nationalities')}</Table.Th>
                      <Table.Th>{t('spreadsheetImport.colEvents')}</Table.Th>
                      <Table.Th>{t('spreadsheetImport.colProblems')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {preview.map((r) => (
                      <Table.Tr key={r.row}>
                        <Table.Td>{r.row}</Table.Td>
                        <Table.Td>{r.name || t('spreadsheetImport.previewNoValue')}</Table.Td>
                        <Table.Td>{r.dateOfBirth ? formatDate(r.dateOfBirth) : t('spreadsheetImport.previewNoValue')}</Table.Td>
                        <Table.Td>{r.fields ? t(`genders.${r.fields.gender}`) : t('spreadsheetImport.previewNoValue')}</Table.Td>
                        <Table.Td>{r.fields ? r.fields.nationalities.map((n) => countryName(n, language)).join(', ') : t('spreadsheetImport.previewNoValue')}</Table.Td>
                        <Table.Td>{eventsText(r).join('; ') || t('spreadsheetImport.previewNoValue')}</Table.Td>
                        <Table.Td>{r.problems.map((p) => problemText(t, p, language)).join(' ') || t('spreadsheetImport.previewNoValue')}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              ) : null}

              <Group>
                <Button onClick={() => void dryRun()} disabled={working} data-testid="import-dry-run">
                  {t('spreadsheetImport.dryRun')}
                </Button>
              </Group>
            </Stack>
          ) : null}

          {report ? (
            <Paper withBorder p="md" data-testid="import-report">
              <Stack gap="sm">
                <Title order={2} size="h3" ref={reportRef} tabIndex={-1}>
                  {t('spreadsheetImport.dryRunTitle')}
                </Title>
                <Text data-testid="import-totals">
                  {t('spreadsheetImport.totals', { rows: report.totals.rows, valid: report.totals.valid, withProblems: report.totals.withProblems })}{' '}
                  {report.totals.emptyRowsSkipped > 0 ? t('spreadsheetImport.emptySkipped', { count: report.totals.emptyRowsSkipped }) : null}
                </Text>
                <Checkbox label={t('spreadsheetImport.onlyProblems')} checked={onlyProblems} onChange={(e) => setOnlyProblems(e.currentTarget.checked)} />
                <Table striped withTableBorder data-testid="import-report-table">
                  <Table.Caption>{t('spreadsheetImport.reportCaption')}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('spreadsheetImport.colRow')}</Table.Th>
                      <Table.Th>{t('spreadsheetImport.colName')}</Table.Th>
                      <Table.Th>{t('spreadsheetImport.colDob')}</Table.Th>
                      <Table.Th>{t('spreadsheetImport.colEvents')}</Table.Th>
                      <Table.Th>{t('spreadsheetImport.colProblems')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {report.rows
                      .filter((r) => !onlyProblems || r.problems.length > 0)
                      .slice(0, SHOWN_ROWS)
                      .map((r) => (
                        <Table.Tr key={r.row} data-testid={`import-row-${r.row}`}>
                          <Table.Td>{r.row}</Table.Td>
                          <Table.Td>{r.name}</Table.Td>
                          <Table.Td>{r.dateOfBirth ? formatDate(r.dateOfBirth) : ''}</Table.Td>
                          <Table.Td>{r.events.length}</Table.Td>
                          <Table.Td>
                            {r.problems.length === 0 ? (
                              <Badge color="green" variant="light" c="green.9">
                                {t('spreadsheetImport.ready')}
                              </Badge>
                            ) : (
                              <List size="sm" spacing={2}>
                                {r.problems.map((p, i) => (
                                  <List.Item key={i}>{problemText(t, p, language)}</List.Item>
                                ))}
                              </List>
                            )}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                  </Table.Tbody>
                </Table>
                <OwnWords
                  report={report}
                  mapping={mapping}
                  onChange={(m) => {
                    setMapping(m);
                    void dryRunWith(m);
                  }}
                />
                {report.totals.valid > 0 ? (
                  <Group>
                    <Button onClick={() => void runImport()} disabled={working} data-testid="import-run">
                      {t('spreadsheetImport.import', { count: report.totals.valid })}
                    </Button>
                  </Group>
                ) : (
                  <Alert color="yellow" variant="light">
                    {t('spreadsheetImport.nothingToImport')}
                  </Alert>
                )}
                {working ? <Progress value={100} animated striped aria-label={busy?.label ?? ''} /> : null}
              </Stack>
            </Paper>
          ) : null}
        </>
      )}
    </Stack>
  );
}
