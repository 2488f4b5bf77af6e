import { useTranslation } from 'react-i18next';
import type { CalendarDate } from '../../../../shared/dates/calendar-date';
import { deadlineView } from '../../format/deadline';

interface DeadlineTextProps {
  date: CalendarDate;
  today: CalendarDate;
  /** 'stacked': the date, then urgency and days left on a second line (list rows); 'inline': one line. */
  layout?: 'stacked' | 'inline';
  testId?: string;
}

/**
 * A deadline as staff need to read it at a glance: weekday and dd-mm-yyyy, days left, and its
 * urgency in words and colour (overdue, within 7 days, within 30 days), never colour alone.
 */
export function DeadlineText({ date, today, layout = 'inline', testId }: DeadlineTextProps) {
  const { t } = useTranslation();
  const view = deadlineView(t, date, today);
  const urgency = view.urgency !== 'later' ? <span className="deadline-urgency">{view.urgencyText}</span> : null;
  const days = <span className="deadline-days">{view.daysText}</span>;
  return (
    <span
      className={`deadline deadline-${view.urgency} deadline-${layout}`}
      data-urgency={view.urgency}
      data-date={date}
      data-days-left={view.daysLeft}
      data-testid={testId}
    >
      {layout === 'stacked' ? (
        <>
          <span className="deadline-date">{view.dateText}</span>
          <span className="deadline-line">
            {urgency}
            {days}
          </span>
        </>
      ) : (
        <>
          {urgency}
          <span className="deadline-date">{view.dateText}</span>
          {days}
        </>
      )}
    </span>
  );
}
