import { useTranslation } from 'react-i18next';
import type { MinorStatus } from '../../../../shared/persons/minor-status';

/**
 * A (presumed) minor stands out in every list and header: a minor and a presumed minor each have
 * their own words; an adult is written plainly, or left out where only minors matter.
 */
export function MinorBadge({ status, showAdult = false }: { status: MinorStatus; showAdult?: boolean }) {
  const { t } = useTranslation();
  if (status === 'adult' && !showAdult) return null;
  return (
    <span className={`minor-badge minor-badge-${status}`} data-minor-status={status}>
      {t(`minorStatus.${status}`)}
    </span>
  );
}
