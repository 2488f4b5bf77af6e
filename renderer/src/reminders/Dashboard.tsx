/**
 * The deadlines dashboard, the home screen after unlock: overdue, today, this week
 * and the next 30 days, for "my cases" or "all" (a caseworker only has their own). Everything is
 * computed in the main process (reminders.dashboard): each group arrives counted, with its first rows,
 * and "Show more" asks for more. A row opens the person's page in one click, or with Enter on its
 * case code; Done and Snooze ask for a reason.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { changesCasework, useDataChanged } from '../team/useDataChanged';
import { Badge, Button, Group, Loader, SegmentedControl, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/domain';
import type { ErrorPayload } from '../../../shared/errors';
import type { SessionUser } from '../../../shared/ipc/contract';
import type { Assignee } from '../../../shared/persons/person.schema';
import { DASHBOARD_GROUPS, type DashboardGroup } from '../../../shared/reminders/dashboard';
import { DASHBOARD_ROWS_DEFAULT, type DashboardRowView, type DashboardView } from '../../../shared/reminders/reminders.schema';
import { call, onEvent, toErrorPayload } from '../api/client';
import { useNavigation } from '../app/navigation';
import { ErrorAlert } from '../components/ErrorAlert';
import { notifySuccess } from '../components/notify';
import { dateWithWeekday, daysLeftText, urgencyOf } from '../format/deadline';
import { useLanguage } from '../format/labels';
import { DecisionDialog, type Decision } from './DecisionDialog';
import { MissingExpirySection } from './MissingExpirySection';
import { ProcedureDoneDialog } from './ProcedureDoneDialog';
import { TaskDialog, type TaskDraft } from './TaskDialog';
import { useConflict } from '../team/useConflict';
import { nonWorkingText, saveTextFile, whatIsDue } from './reminder-format';
import { DueBasisMark } from '../procedure/DueBasisMark';
import './dashboard.css';

type Scope = 'mine' | 'all';
type Limits = Partial<Record<DashboardGroup, number>>;

const MORE_ROWS = 100;
/** The scope each user chose last, for this run of the program (the dashboard remounts on every visit). */
const chosenScope = new Map<string, Scope>();

export function Dashboard({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigation = useNavigation();
  const seesAll = user.role !== 'caseworker';
  const [scope, setScopeState] = useState<Scope>(seesAll ? (chosenScope.get(user.id) ?? 'all') : 'mine');
  const [limits, setLimits] = useState<Limits>({});
  const [includeHandled, setIncludeHandled] = useState(false);
  const [view, setView] = useState<DashboardView | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [decision, setDecision] = useState<{ decision: Decision; row: DashboardRowView } | null>(null);
  const [task, setTask] = useState<TaskDraft | null>(null);
  const [assignees, setAssignees] = useState<Assignee[]>([]);
  const [exporting, setExporting] = useState(false);
  const request = useRef(0);

  const load = useCallback(async () => {
    const id = ++request.current;
    setLoading(true);
    try {
      const next = await call('reminders.dashboard', { scope, limits, includeHandled });
      if (id !== request.current) return;
      setView(next);
      setError(null);
    } catch (e) {
      if (id === request.current) setError(toErrorPayload(e));
    } finally {
      if (id === request.current) setLoading(false);
    }
  }, [scope, limits, includeHandled]);

  useEffect(() => {
    void load();
  }, [load]);
  // Team mode: deadlines recorded or handled on another desktop.
  useDataChanged(() => void load(), changesCasework);
  const conflict = useConflict();

  // Back to the window after a while (or a notification was clicked): the day may have turned.
  useEffect(() => {
    const again = () => void load();
    window.addEventListener('focus', again);
    const off = onEvent('reminders.open', again);
    return () => {
      window.removeEventListener('focus', again);
      off();
    };
  }, [load]);

  useEffect(() => {
    void call('persons.assignees', {})
      .then(setAssignees)
      .catch(() => setAssignees([]));
  }, []);

  const setScope = (next: Scope) => {
    chosenScope.set(user.id, next);
    setLimits({});
    setScopeState(next);
  };

  const openPerson = (row: DashboardRowView) => {
    if (row.personId) navigation.go({ area: 'persons', personId: row.personId });
  };

  const editTask = (row: DashboardRowView) =>
    setTask({
      id: row.id.slice('task:'.length),
      version: row.version,
      title: row.title ?? '',
      dueDate: row.dueDate,
      assigneeId: row.assigneeId,
      person: row.personId ? { id: row.personId, label: `${row.caseCode ?? ''} · ${row.name ?? t('reminders.noName')}` } : null,
    });

  async function reopen(row: DashboardRowView) {
    const reopenOn = async (expectedVersion?: number) => {
      await call('reminders.reopen', { itemId: row.id, expectedVersion });
      notifySuccess(t('reminders.reopened'));
      await load();
    };
    try {
      // A task changed on another desktop since this list was read: the conflict dialog.
      if (row.version === null) await reopenOn();
      else await conflict.save(row.version, reopenOn, load);
    } catch (e) {
      setError(toErrorPayload(e));
    }
  }

  async function exportCalendar() {
    setExporting(true);
    try {
      const file = await call('reminders.exportCalendar', { scope, withinDays: 365, language });
      saveTextFile(file.content, file.fileName, 'text/calendar;charset=utf-8');
      notifySuccess(t('reminders.exported', { count: file.events, fileName: file.fileName }));
    } catch (e) {
      setError(toErrorPayload(e));
    } finally {
      setExporting(false);
    }
  }

  const today = view?.today ?? null;

  return (
    <Stack gap="md" aria-busy={loading} data-testid="dashboard">
      <Group justify="space-between" align="center" gap="sm">
        <Group gap="md" align="center">
          <Title order={2} size="h3">
            {t('reminders.title')}
          </Title>
          {seesAll ? (
            <SegmentedControl
              aria-label={t('reminders.scope')}
              value={scope}
              onChange={(value) => setScope(value as Scope)}
              data={[
                { value: 'mine', label: t('reminders.scopeMine') },
                { value: 'all', label: t('reminders.scopeAll') },
              ]}
              data-testid="dashboard-scope"
            />
          ) : (
            <Text fw={600} data-testid="dashboard-scope">
              {t('reminders.scopeOnlyMine')}
            </Text>
          )}
        </Group>
        <Group gap="xs">
          {loading && view ? <Loader size="xs" aria-label={t('reminders.loading')} /> : null}
          <Button variant="default" size="sm" onClick={() => void load()}>
            {t('reminders.refresh')}
          </Button>
          <Button
            variant="default"
            size="sm"
            onClick={() => void exportCalendar()}
            loading={exporting}
            title={t('reminders.exportHint')}
          >
            {t('reminders.exportCalendar')}
          </Button>
          <Button
            size="sm"
            onClick={() => setTask({ id: null, version: null, title: '', dueDate: null, assigneeId: user.id, person: null })}
          >
            {t('reminders.newTask')}
          </Button>
        </Group>
      </Group>

      <ErrorAlert error={error} testId="dashboard-error" />
      {conflict.dialog}

      {!view ? (
        loading ? (
          <Group gap="sm" role="status" data-testid="dashboard-loading">
            <Loader size="sm" />
            <Text>{t('reminders.loading')}</Text>
          </Group>
        ) : (
          <Button variant="default" onClick={() => void load()} w="fit-content">
            {t('common.tryAgain')}
          </Button>
        )
      ) : (
        <>
          {DASHBOARD_GROUPS.map((group) => (
            <GroupSection
              key={group}
              group={group}
              rows={view.groups[group].rows}
              total={view.groups[group].total}
              showAssignee={view.scope === 'all' && seesAll}
              onOpen={openPerson}
              onDecide={(d, row) => setDecision({ decision: d, row })}
              onEditTask={editTask}
              onMore={() => setLimits((l) => ({ ...l, [group]: (l[group] ?? DASHBOARD_ROWS_DEFAULT) + MORE_ROWS }))}
            />
          ))}
          <MissingExpirySection missing={view.missingExpiry} onOpen={(personId) => navigation.go({ area: 'persons', personId })} />
          {view.later > 0 ? (
            <Text size="sm" c="dimmed" data-testid="dashboard-later">
              {t('reminders.later', { count: view.later, date: dateWithWeekday(t, view.horizon) })}
            </Text>
          ) : null}
          <div>
            <Button variant="subtle" size="compact-sm" onClick={() => setIncludeHandled((v) => !v)} aria-expanded={includeHandled}>
              {includeHandled ? t('reminders.hideHandled') : t('reminders.showHandled', { count: view.handledTotal })}
            </Button>
          </div>
          {includeHandled ? <HandledSection rows={view.handled} onOpen={openPerson} onReopen={(row) => void reopen(row)} /> : null}
        </>
      )}

      {decision && decision.decision === 'done' && decision.row.source === 'procedure' ? (
        <ProcedureDoneDialog
          row={decision.row}
          onClose={() => setDecision(null)}
          onSaved={() => {
            setDecision(null);
            void load();
          }}
        />
      ) : decision && today ? (
        <DecisionDialog
          decision={decision.decision}
          row={decision.row}
          today={today}
          onClose={() => setDecision(null)}
          onSaved={() => {
            setDecision(null);
            void load();
          }}
        />
      ) : null}
      {task && today ? (
        <TaskDialog
          draft={task}
          user={user}
          assignees={assignees}
          today={today}
          onClose={() => setTask(null)}
          onSaved={() => {
            setTask(null);
            void load();
          }}
        />
      ) : null}
    </Stack>
  );
}

interface GroupSectionProps {
  group: DashboardGroup;
  rows: DashboardRowView[];
  total: number;
  showAssignee: boolean;
  onOpen: (row: DashboardRowView) => void;
  onDecide: (decision: Decision, row: DashboardRowView) => void;
  onEditTask: (row: DashboardRowView) => void;
  onMore: () => void;
}

function GroupSection({ group, rows, total, showAssignee, onOpen, onDecide, onEditTask, onMore }: GroupSectionProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const headingId = `dashboard-${group}-title`;
  return (
    <section aria-labelledby={headingId} data-testid={`dashboard-group-${group}`} data-total={total} className={`dashboard-group dashboard-group-${group}`}>
      <Group gap="xs" mb={4}>
        <Title order={3} size="h4" id={headingId}>
          {t(`reminders.groups.${group}`)}
        </Title>
        <Badge
          color={total === 0 ? 'gray' : group === 'overdue' ? 'red.9' : group === 'next30Days' ? 'gray.7' : 'orange.9'}
          variant={total > 0 ? 'filled' : 'outline'}
          aria-hidden="true"
        >
          {total}
        </Badge>
        <VisuallyHidden>{t('reminders.groupCount', { group: t(`reminders.groups.${group}`), count: total })}</VisuallyHidden>
      </Group>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t(`reminders.empty.${group}`)}
        </Text>
      ) : (
        <ReminderTable labelledBy={headingId} rows={rows} showAssignee={showAssignee} onOpen={onOpen} actions={(row) => (
          <Group gap={6} wrap="nowrap">
            <Button size="compact-sm" variant="light" aria-label={t('reminders.markDoneOf', actionParams(t, row, language))} onClick={() => onDecide('done', row)}>
              {t('reminders.markDone')}
            </Button>
            <Button size="compact-sm" variant="default" aria-label={t('reminders.snoozeOf', actionParams(t, row, language))} onClick={() => onDecide('snooze', row)}>
              {t('reminders.snooze')}
            </Button>
            {row.source === 'task' ? (
              <Button size="compact-sm" variant="subtle" aria-label={t('reminders.task.editOf', { title: row.title ?? '' })} onClick={() => onEditTask(row)}>
                {t('reminders.task.edit')}
              </Button>
            ) : null}
          </Group>
        )} />
      )}
      {rows.length < total ? (
        <Button variant="subtle" size="compact-sm" mt={4} onClick={onMore}>
          {t('reminders.showMore', { count: Math.min(MORE_ROWS, total - rows.length) })}
        </Button>
      ) : null}
    </section>
  );
}

/** Words for an action's accessible name: what is due and the case code. */
function actionParams(t: TFunction, row: DashboardRowView, language: Language) {
  return { what: whatIsDue(t, row, language), caseCode: row.caseCode ?? t('reminders.noPerson') };
}

function HandledSection({ rows, onOpen, onReopen }: { rows: DashboardRowView[]; onOpen: (row: DashboardRowView) => void; onReopen: (row: DashboardRowView) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <section aria-labelledby="dashboard-handled-title" data-testid="dashboard-handled">
      <Title order={3} size="h4" id="dashboard-handled-title" mb={4}>
        {t('reminders.handledTitle')}
      </Title>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('reminders.handledEmpty')}
        </Text>
      ) : (
        <ReminderTable
          labelledBy="dashboard-handled-title"
          rows={rows}
          showAssignee={false}
          showState
          onOpen={onOpen}
          actions={(row) => (
            <Button size="compact-sm" variant="default" aria-label={t('reminders.reopenOf', actionParams(t, row, language))} onClick={() => onReopen(row)}>
              {t('reminders.reopen')}
            </Button>
          )}
        />
      )}
    </section>
  );
}

interface ReminderTableProps {
  labelledBy: string;
  rows: DashboardRowView[];
  showAssignee: boolean;
  /** Done, or snoozed until when (the handled list). */
  showState?: boolean;
  onOpen: (row: DashboardRowView) => void;
  actions: (row: DashboardRowView) => React.ReactNode;
}

function ReminderTable({ labelledBy, rows, showAssignee, showState = false, onOpen, actions }: ReminderTableProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Table aria-labelledby={labelledBy} className="reminder-table" verticalSpacing={6} highlightOnHover>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('reminders.colCase')}</Table.Th>
          <Table.Th>{t('reminders.colName')}</Table.Th>
          <Table.Th>{t('reminders.colWhat')}</Table.Th>
          <Table.Th>{t('reminders.colDate')}</Table.Th>
          <Table.Th>{t('reminders.colDaysLeft')}</Table.Th>
          {showAssignee ? <Table.Th>{t('reminders.colAssignee')}</Table.Th> : null}
          {showState ? <Table.Th>{t('reminders.colState')}</Table.Th> : null}
          <Table.Th>
            <VisuallyHidden>{t('reminders.colActions')}</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => {
          const urgency = urgencyOf(row.daysLeft);
          const flag = nonWorkingText(t, row, language);
          const what = whatIsDue(t, row, language);
          return (
            <Table.Tr
              key={row.id}
              data-testid={`reminder-row-${row.id}`}
              data-case-code={row.caseCode ?? ''}
              data-kind={row.kind}
              data-urgency={urgency}
              className={row.personId ? 'reminder-row reminder-row-link' : 'reminder-row'}
              onClick={(e) => {
                // A click on an action button or the case-code link is theirs.
                if ((e.target as HTMLElement).closest('button, a')) return;
                onOpen(row);
              }}
            >
              <Table.Td>
                {row.personId && row.caseCode ? (
                  <button type="button" className="case-code reminder-open" onClick={() => onOpen(row)} aria-label={t('reminders.openPerson', { caseCode: row.caseCode })}>
                    {row.caseCode}
                  </button>
                ) : (
                  <Text size="sm" c="dimmed">
                    {row.caseCode ?? t('reminders.noPerson')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={600} lineClamp={2}>
                  {row.personId ? (row.name ?? t('reminders.noName')) : ''}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={2} title={what}>
                  <strong>{row.country}</strong> · {what}
                </Text>
                {row.followedUpOn ? (
                  <Text size="xs" data-testid="followed-up">
                    {t('casework.followedUpOn', { date: dateWithWeekday(t, row.followedUpOn) })}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                <span className={`deadline deadline-stacked deadline-${urgency}`}>
                  <span className="deadline-date">{dateWithWeekday(t, row.dueDate)}</span>
                  <DueBasisMark basis={row.basis} recomputed={row.recomputed} />
                  {flag ? (
                    <span className="reminder-non-working" data-testid="non-working">
                      {flag}
                    </span>
                  ) : null}
                </span>
              </Table.Td>
              <Table.Td>
                <span className={`deadline deadline-${urgency}`}>
                  <span className="deadline-days">{daysLeftText(t, row.daysLeft)}</span>
                </span>
              </Table.Td>
              {showAssignee ? (
                <Table.Td>
                  <Text size="sm" truncate="end">
                    {row.assigneeName ?? t('reminders.unassigned')}
                  </Text>
                </Table.Td>
              ) : null}
              {showState ? (
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {row.state === 'done'
                      ? t('reminders.stateDone')
                      : t('reminders.stateSnoozed', { date: row.snoozedUntil ? dateWithWeekday(t, row.snoozedUntil) : '' })}
                  </Text>
                </Table.Td>
              ) : null}
              <Table.Td>{actions(row)}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
