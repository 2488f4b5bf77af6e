/**
 * First run: organisation, first administrator, then the recovery key returned by
 * `vault.setup`, shown once, and a check that it was stored (two groups typed back).
 */
import { useCallback, useMemo, useState } from 'react';
import { Button, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import {
  COUNTRIES,
  countrySchema,
  displayNameSchema,
  organisationNameSchema,
  PASSWORD_MIN_LENGTH,
  passwordSchema,
  usernameSchema,
  type Country,
} from '../../../shared/domain';
import { call } from '../api/client';
import { useActivityPing } from '../app/useActivityPing';
import { CenteredPage } from '../components/CenteredPage';
import { ErrorAlert } from '../components/ErrorAlert';
import { sameAsRule, schemaRule } from '../forms/form-rules';
import { useFormFeedback } from '../forms/useFormFeedback';
import { RecoveryKeyConfirm } from './RecoveryKeyConfirm';
import { RecoveryKeyDisplay } from './RecoveryKeyDisplay';
import { StepIndicator } from './StepIndicator';
import { recoveryKeyGroups } from './recovery-key';
import { PasswordField } from '../components/PasswordField';

interface SetupWizardProps {
  /**
   * true just before `vault.setup` is called: from then on the app keeps this wizard on screen
   * until it finishes, whatever app.status says. false again if the call fails.
   */
  onCreatingVault: (creating: boolean) => void;
  onFinished: () => Promise<void>;
}

type Step = 0 | 1 | 2 | 3;

interface SetupValues {
  organisationName: string;
  country: Country | '';
  admin: { username: string; displayName: string; password: string };
  passwordConfirmation: string;
}

const INITIAL_VALUES: SetupValues = {
  organisationName: '',
  country: '',
  admin: { username: '', displayName: '', password: '' },
  passwordConfirmation: '',
};

const ORGANISATION_FIELDS = ['organisationName', 'country'] as const;
const ADMIN_FIELDS = ['admin.username', 'admin.displayName', 'admin.password', 'passwordConfirmation'] as const;
const ALL_FIELDS = [...ORGANISATION_FIELDS, ...ADMIN_FIELDS] as const;

export function SetupWizard({ onCreatingVault, onFinished }: SetupWizardProps) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>(0);
  // The key lives only in this component's state: it is gone once the wizard unmounts.
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const groups = useMemo(() => (recoveryKey ? recoveryKeyGroups(recoveryKey) : []), [recoveryKey]);
  // vault.setup leaves the vault unlocked with its idle timer running: reading and copying the
  // key is activity too, or the vault could lock before the key was confirmed.
  useActivityPing(recoveryKey !== null);

  const form = useForm({
    name: 'setup',
    initialValues: INITIAL_VALUES,
    validate: {
      organisationName: schemaRule(organisationNameSchema, t),
      country: schemaRule(countrySchema, t, t('validation.chooseOption')),
      admin: {
        username: schemaRule(usernameSchema, t),
        displayName: schemaRule(displayNameSchema, t),
        password: schemaRule(passwordSchema, t),
      },
      passwordConfirmation: sameAsRule<SetupValues>((values) => values.admin.password, t),
    },
  });

  const revealField = useCallback((path: string) => {
    setStep((ORGANISATION_FIELDS as readonly string[]).includes(path) ? 0 : 1);
  }, []);
  const feedback = useFormFeedback(form, { fields: ALL_FIELDS, keyFields: { usernameTaken: 'admin.username' }, revealField });

  const steps = [t('setup.stepOrganisation'), t('setup.stepAdmin'), t('setup.stepRecoveryKey'), t('setup.stepConfirmKey')];

  function continueToAdmin(event: React.FormEvent) {
    event.preventDefault();
    feedback.clearFormError();
    const invalid = ORGANISATION_FIELDS.filter((path) => form.validateField(path).hasError);
    if (invalid.length > 0) feedback.onValidationFailure(Object.fromEntries(invalid.map((path) => [path, true])));
    else setStep(1);
  }

  async function createVault(values: SetupValues) {
    feedback.clearFormError();
    onCreatingVault(true);
    try {
      const { recoveryKey: key } = await call('vault.setup', {
        organisationName: values.organisationName,
        country: values.country as Country,
        admin: values.admin,
      });
      // The passwords are not needed any more: do not keep them in memory.
      form.setValues({ admin: { ...values.admin, password: '' }, passwordConfirmation: '' });
      setRecoveryKey(key);
      setStep(2);
    } catch (error) {
      onCreatingVault(false);
      feedback.handleError(error);
    }
  }

  return (
    <CenteredPage width={640}>
      <Stack gap="lg">
        <div>
          <Title order={1} size="h2">
            {t('setup.title')}
          </Title>
          {step === 0 ? <Text mt="xs">{t('setup.intro')}</Text> : null}
        </div>
        <div className="no-print">
          <StepIndicator steps={steps} active={step} />
        </div>
        <ErrorAlert error={feedback.formError} ref={feedback.alertRef} testId="setup-error" />

        {step === 0 ? (
          <form onSubmit={continueToAdmin} noValidate>
            <Stack>
              <Title order={2} size="h3">
                {t('setup.stepOrganisation')}
              </Title>
              <TextInput
                label={t('setup.organisationName')}
                description={t('setup.organisationNameHint')}
                required
                withAsterisk={false}
                autoFocus
                autoComplete="organization"
                {...form.getInputProps('organisationName')}
              />
              <NativeSelect
                label={t('setup.country')}
                description={t('setup.countryHint')}
                required
                withAsterisk={false}
                data={[
                  { value: '', label: t('setup.chooseCountry'), disabled: true },
                  ...COUNTRIES.map((country) => ({ value: country, label: t(`countries.${country}`) })),
                ]}
                {...form.getInputProps('country')}
              />
              <Group justify="flex-end">
                <Button type="submit">{t('common.continue')}</Button>
              </Group>
            </Stack>
          </form>
        ) : null}

        {step === 1 ? (
          <form onSubmit={form.onSubmit(createVault, feedback.onValidationFailure)} noValidate>
            <Stack>
              <Title order={2} size="h3">
                {t('setup.stepAdmin')}
              </Title>
              <Text>{t('setup.adminIntro')}</Text>
              <TextInput
                label={t('setup.username')}
                description={t('setup.usernameHint')}
                required
                withAsterisk={false}
                autoFocus
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                {...form.getInputProps('admin.username')}
              />
              <TextInput
                label={t('setup.displayName')}
                description={t('setup.displayNameHint')}
                required
                withAsterisk={false}
                autoComplete="name"
                {...form.getInputProps('admin.displayName')}
              />
              <PasswordField
                label={t('setup.password')}
                description={t('setup.passwordHint', { minimum: PASSWORD_MIN_LENGTH })}
                required
                withAsterisk={false}
                autoComplete="new-password"
                {...form.getInputProps('admin.password')}
              />
              <PasswordField
                label={t('setup.passwordConfirmation')}
                required
                withAsterisk={false}
                autoComplete="new-password"
                {...form.getInputProps('passwordConfirmation')}
              />
              <Group justify="space-between">
                <Button variant="default" onClick={() => setStep(0)} disabled={form.submitting}>
                  {t('common.back')}
                </Button>
                <Button type="submit" loading={form.submitting}>
                  {t('setup.createVault')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : null}

        {step === 2 && recoveryKey ? (
          <RecoveryKeyDisplay
            groups={groups}
            organisationName={form.values.organisationName.trim()}
            onContinue={() => setStep(3)}
          />
        ) : null}

        {step === 3 && recoveryKey ? (
          <RecoveryKeyConfirm
            groups={groups}
            onBack={() => setStep(2)}
            onConfirmed={async () => {
              await call('vault.confirmRecoveryKey', {});
              await onFinished();
            }}
          />
        ) : null}
      </Stack>
    </CenteredPage>
  );
}
