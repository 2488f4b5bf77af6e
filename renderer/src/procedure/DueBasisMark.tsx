import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DueBasis } from '../../../shared/procedure/engine';
import { DUE_BASIS_LABELS, ENTER_PRINTED_EXPIRY } from '../../../shared/rules/common.rules';
import { pick, useLanguage } from '../format/labels';

/**
 * What a due date rests on (exact term, legal maximum, the app's estimate, the date on the document),
 * and "deadline recomputed" while a recomputation under corrected rules is not acknowledged. An
 * estimate or a maximum invites staff to enter the expiry printed on the document.
 */
export function DueBasisMark({ basis, recomputed, invite = false }: { basis: DueBasis | null; recomputed?: boolean; invite?: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (!basis && !recomputed) return null;
  return (
    <span className="due-basis">
      <Group gap={4} component="span" wrap="wrap">
        {basis ? (
          <Badge size="xs" variant={basis === 'exact' || basis === 'document' ? 'light' : 'outline'} data-basis={basis} component="span">
            {pick(DUE_BASIS_LABELS[basis], language)}
          </Badge>
        ) : null}
        {recomputed ? (
          <Badge size="xs" color="orange" data-testid="deadline-recomputed" component="span">
            {t('deadlineBasis.recomputed')}
          </Badge>
        ) : null}
      </Group>
      {invite && (basis === 'estimate' || basis === 'maximum') ? (
        <Text size="xs" c="dimmed" component="span" display="block">
          {pick(ENTER_PRINTED_EXPIRY, language)}
        </Text>
      ) : null}
    </span>
  );
}
