import { useState } from 'react';
import { Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useFormFeedback } from '../forms/useFormFeedback';
import { groupMatches, pickGroupsToConfirm } from './recovery-key';

interface RecoveryKeyConfirmProps {
  groups: readonly string[];
  onBack: () => void;
  onConfirmed: () => Promise<void>;
}

const FIELDS = ['first', 'second'] as const;

/**
 * The person types back two groups of the key, picked at random each time this step opens.
 * There is no way past this step without them.
 */
export function RecoveryKeyConfirm({ groups, onBack, onConfirmed }: RecoveryKeyConfirmProps) {
  const { t } = useTranslation();
  const [asked] = useState(() => pickGroupsToConfirm(groups.length));
  const groupRule = (index: number) => (value: string) =>
    groupMatches(value, groups[index] ?? '') ? null : t('setup.groupMismatch', { number: index + 1 });

  const form = useForm({
    name: 'recovery-confirm',
    initialValues: { first: '', second: '' },
    validate: { first: groupRule(asked[0]), second: groupRule(asked[1]) },
  });
  const feedback = useFormFeedback(form, { fields: FIELDS });

  return (
    <form onSubmit={form.onSubmit(() => onConfirmed(), feedback.onValidationFailure)} noValidate>
      <Stack>
        <Title order={2} size="h3">
          {t('setup.stepConfirmKey')}
        </Title>
        <Text>{t('setup.confirmIntro')}</Text>
        {FIELDS.map((field, i) => (
          <TextInput
            key={field}
            label={t('setup.confirmGroup', { number: asked[i]! + 1 })}
            description={t('setup.confirmGroupHint')}
            autoFocus={i === 0}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            required
            withAsterisk={false}
            data-testid={`recovery-confirm-${i}`}
            data-group-number={asked[i]! + 1}
            styles={{ input: { fontFamily: 'monospace', textTransform: 'uppercase', maxWidth: 200 } }}
            {...form.getInputProps(field)}
          />
        ))}
        <Group justify="space-between">
          <Button variant="default" onClick={onBack}>
            {t('setup.showKeyAgain')}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {t('setup.finish')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
