/**
 * A key card's fingerprint as people compare it over the phone: 12 numbered groups of 5 digits, four
 * per line. A screen reader reads each group with its number ("group 3: 15475").
 */
import { useTranslation } from 'react-i18next';
import '../handover.css';

interface FingerprintDigitsProps {
  /** "25649 76885 …" (12 groups of 5), as the contract's `fingerprint.display`. */
  display: string;
  size?: 'normal' | 'small';
  testId?: string;
  /** The accessible name of the list, e.g. "Fingerprint of Maison Passerelle". */
  label: string;
}

export function fingerprintGroups(display: string): string[] {
  return display.split(/\s+/).filter((g) => g.length > 0);
}

export function FingerprintDigits({ display, size = 'normal', testId, label }: FingerprintDigitsProps) {
  const { t } = useTranslation();
  const groups = fingerprintGroups(display);
  return (
    <ol
      className={`fingerprint${size === 'small' ? ' fingerprint-small' : ''}`}
      aria-label={label}
      data-testid={testId}
      data-fingerprint={groups.join(' ')}
    >
      {groups.map((group, i) => (
        <li key={i} aria-label={t('partners.fingerprintGroup', { number: i + 1, digits: group.split('').join(' ') })}>
          <span className="fingerprint-number" aria-hidden="true">
            {i + 1}
          </span>
          {group}
        </li>
      ))}
    </ol>
  );
}
