/**
 * The person page's section bar: stays at the top while the page scrolls, and moves to a section
 * (its heading takes focus, so keyboard and screen-reader users land there too).
 */
import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface SectionLink {
  /** The id of the section's heading. */
  headingId: string;
  label: string;
}

/** Scrolls to a heading below the sticky bar and focuses it. */
export function goToHeading(headingId: string): void {
  const heading = document.getElementById(headingId);
  if (!heading) return;
  if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
  heading.scrollIntoView({ block: 'start' });
  heading.focus({ preventScroll: true });
}

export function SectionBar({ sections }: { sections: SectionLink[] }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('casework.sections')} className="person-section-bar" data-testid="person-section-bar">
      <Group gap={4} wrap="wrap">
        {sections.map((s) => (
          <Button key={s.headingId} size="compact-sm" variant="subtle" onClick={() => goToHeading(s.headingId)}>
            {s.label}
          </Button>
        ))}
      </Group>
    </nav>
  );
}
