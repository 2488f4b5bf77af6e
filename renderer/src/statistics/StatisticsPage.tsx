/**
 * Administrators and coordinators: the year's statistics (docs/statistics.md). The service sends
 * only suppressed counts: hidden cells carry no number, so the charts draw published counts only and
 * the tables show "<5" or "x". Each table has its chart (bars per category, a line per month for new
 * registrations) and the same figures as a table, for screen readers and for checking.
 */
import '@mantine/charts/styles.css';
import { useCallback, useEffect, useState } from 'react';
import { BarChart, LineChart } from '@mantine/charts';
import { Button, Group, Loader, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { COUNTRIES, type Country, type Language, type Role } from '../../../shared/domain';
import type { ErrorPayload } from '../../../shared/errors';
import { AGE_GROUP_LABELS, TABLE_TITLES, rowLabel } from '../../../shared/statistics/categories';
import { showCount, STATISTICS_FORMATS, type StatisticsFormat, type StatisticsReport, type StatisticsTable } from '../../../shared/statistics/statistics.schema';
import { call, toErrorPayload } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { notifySuccess } from '../components/notify';
import { PageTitle } from '../components/PageTitle';
import { base64ToBytes, saveFile } from '../handover/files';

const COLORS = { minor: 'indigo.7', presumedMinor: 'grape.6', adult: 'teal.7' } as const;
const MEDIA_TYPES: Record<StatisticsFormat, string> = {
  json: 'application/json',
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

function languageOf(code: string): Language {
  return code === 'nl' || code === 'fr' ? code : 'en';
}

type Count = StatisticsTable['total'];
const valueOf = (c: Count | undefined): number | null => (c && 'value' in c ? c.value : null);

function StatisticsTableView({ table, threshold, language }: { table: StatisticsTable; threshold: number; language: Language }) {
  const { t } = useTranslation();
  const title = TABLE_TITLES[table.id][language];
  const columns = table.columns.map((c) => AGE_GROUP_LABELS[c][language]);
  // Hidden counts have no number: left out of the chart (null), never drawn as 0.
  const data = table.rows.map((row, r) => ({
    category: rowLabel(table.id, row, language),
    ...Object.fromEntries(table.columns.map((c, i) => [c, valueOf(table.cells[r]?.[i])])),
  }));
  const series = table.columns.map((c) => ({ name: c, label: AGE_GROUP_LABELS[c][language], color: COLORS[c] }));
  const chartLabel = t('statistics.chartLabel', { title });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`stat-title-${table.id}`} data-testid={`stat-table-${table.id}`}>
      <Title order={2} size="h4" id={`stat-title-${table.id}`} mb="sm">
        {title}
      </Title>
      <div role="img" aria-label={chartLabel} data-testid={`stat-chart-${table.id}`}>
        {table.id === 'registrations' ? (
          <LineChart h={220} data={data} dataKey="category" series={series} withLegend connectNulls={false} curveType="linear" />
        ) : (
          <BarChart h={Math.max(180, data.length * 28)} data={data} dataKey="category" series={series} type="stacked" orientation="vertical" withLegend yAxisProps={{ width: 220 }} />
        )}
      </div>
      <Table striped mt="sm" captionSide="bottom">
        <Table.Caption>{t('statistics.legend', { threshold })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('statistics.category')}</Table.Th>
            {columns.map((c) => (
              <Table.Th scope="col" key={c} ta="right">
                {c}
              </Table.Th>
            ))}
            <Table.Th scope="col" ta="right">
              {t('statistics.total')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {table.rows.map((row, r) => (
            <Table.Tr key={row}>
              <Table.Th scope="row" fw={400}>
                {rowLabel(table.id, row, language)}
              </Table.Th>
              {[...(table.cells[r] ?? []), table.rowTotals[r] as Count].map((c, i) => (
                <Table.Td key={i} ta="right">
                  {showCount(c, threshold)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Th scope="row">{t('statistics.total')}</Table.Th>
            {[...table.columnTotals, table.total].map((c, i) => (
              <Table.Td key={i} ta="right" fw={700}>
                {showCount(c, threshold)}
              </Table.Td>
            ))}
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function ThresholdSettings({ current, onSaved }: { current: number; onSaved: (threshold: number) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState<number>(current);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  async function save() {
    setBusy(true);
    setError(null);
    try {
      const saved = await call('statistics.updateSettings', { threshold: value });
      notifySuccess(t('statistics.thresholdSaved', { threshold: saved.threshold }));
      onSaved(saved.threshold);
    } catch (e) {
      setError(toErrorPayload(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Paper withBorder p="md" data-testid="statistics-threshold">
      <Title order={2} size="h4" mb="xs">
        {t('statistics.thresholdTitle')}
      </Title>
      <Group align="flex-end">
        <NumberInput
          label={t('statistics.thresholdLabel')}
          description={t('statistics.thresholdHint')}
          min={current}
          max={50}
          value={value}
          onChange={(v) => setValue(typeof v === 'number' ? v : current)}
          w={260}
        />
        <Button variant="default" onClick={() => void save()} loading={busy} disabled={value <= current}>
          {t('statistics.thresholdSave')}
        </Button>
      </Group>
      {error ? <ErrorAlert error={error} /> : null}
    </Paper>
  );
}

export function StatisticsPage({ role }: { role: Role }) {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n.language);
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState<number>(thisYear);
  const [country, setCountry] = useState<Country | null>(null);
  const [report, setReport] = useState<StatisticsReport | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [exporting, setExporting] = useState<StatisticsFormat | null>(null);

  const load = useCallback(async (y: number, c: Country | null) => {
    setLoading(true);
    setError(null);
    try {
      setReport(await call('statistics.report', { year: y, country: c }));
    } catch (e) {
      setError(toErrorPayload(e));
      setReport(null);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load(thisYear, null);
  }, [load, thisYear]);

  async function exportAs(format: StatisticsFormat) {
    setExporting(format);
    setError(null);
    try {
      const file = await call('statistics.export', { year, country, format });
      saveFile(new Blob([base64ToBytes(file.contentBase64)], { type: MEDIA_TYPES[format] }), file.fileName);
      notifySuccess(t('statistics.exported', { fileName: file.fileName }));
    } catch (e) {
      setError(toErrorPayload(e));
    } finally {
      setExporting(null);
    }
  }

  const years = Array.from({ length: 11 }, (_, i) => String(thisYear - i));
  const sex = report?.tables.find((x) => x.id === 'sex');
  const registrations = report?.tables.find((x) => x.id === 'registrations');

  return (
    <Stack data-testid="statistics-page">
      <PageTitle>{t('statistics.title')}</PageTitle>
      <Text size="sm" maw={760}>
        {t('statistics.intro', { threshold: report?.threshold ?? 5 })}
      </Text>
      <Group align="flex-end">
        <Select label={t('statistics.year')} data={years} value={String(year)} onChange={(v) => v && setYear(Number(v))} allowDeselect={false} w={120} />
        <Select
          label={t('statistics.country')}
          data={[{ value: 'all', label: t('statistics.allCountries') }, ...COUNTRIES.map((c) => ({ value: c, label: t(`countries.${c}`) }))]}
          value={country ?? 'all'}
          onChange={(v) => setCountry(v === 'BE' || v === 'NL' || v === 'LU' ? v : null)}
          allowDeselect={false}
          w={200}
        />
        <Button onClick={() => void load(year, country)} loading={loading}>
          {t('statistics.show')}
        </Button>
      </Group>
      {error ? <ErrorAlert error={error} /> : null}
      {loading && !report ? (
        <Group>
          <Loader size="sm" />
          <Text size="sm">{t('statistics.loading')}</Text>
        </Group>
      ) : null}
      {report ? (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2 }} maw={560}>
            <Paper withBorder p="md">
              <Text size="sm" c="dimmed">
                {t('statistics.supported')}
              </Text>
              <Text size="xl" fw={700} data-testid="stat-supported">
                {sex ? showCount(sex.total, report.threshold) : '-'}
              </Text>
            </Paper>
            <Paper withBorder p="md">
              <Text size="sm" c="dimmed">
                {t('statistics.registrations')}
              </Text>
              <Text size="xl" fw={700} data-testid="stat-registrations">
                {registrations ? showCount(registrations.total, report.threshold) : '-'}
              </Text>
            </Paper>
          </SimpleGrid>
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="xs">
              {t('statistics.exportTitle')}
            </Title>
            <Group>
              {STATISTICS_FORMATS.map((f) => (
                <Button key={f} variant="default" loading={exporting === f} disabled={exporting !== null} onClick={() => void exportAs(f)}>
                  {t('statistics.exportAs', { format: f.toUpperCase() })}
                </Button>
              ))}
            </Group>
          </Paper>
          {role === 'admin' ? <ThresholdSettings key={report.threshold} current={report.threshold} onSaved={() => void load(year, country)} /> : null}
          <Text size="sm" c="dimmed">
            {t('statistics.hiddenNote')}
          </Text>
          {report.tables.map((table) => (
            <StatisticsTableView key={`${report.year}-${report.country ?? 'all'}-${table.id}`} table={table} threshold={report.threshold} language={language} />
          ))}
        </>
      ) : null}
    </Stack>
  );
}
