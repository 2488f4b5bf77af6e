import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface StepIndicatorProps {
  steps: readonly string[];
  active: number;
}

/** Where the person is in the wizard. Not clickable: the order of the steps is the point. */
export function StepIndicator({ steps, active }: StepIndicatorProps) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('setup.progress')}>
      <Text size="sm" c="dimmed" mb={4}>
        {t('setup.stepOf', { current: active + 1, total: steps.length })}
      </Text>
      <ol className="step-list">
        {steps.map((label, index) => (
          <li key={label} aria-current={index === active ? 'step' : undefined}>
            <Text component="span" size="sm" c={index < active ? 'dimmed' : undefined}>
              {index + 1}. {label}
            </Text>
          </li>
        ))}
      </ol>
    </nav>
  );
}
