import { useEffect, useRef, useState } from 'react';
import { Button, Group, NativeSelect, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { COUNTRIES, type Country } from '../../../../shared/domain';
import type { ErrorPayload } from '../../../../shared/errors';
import type { TrackView } from '../../../../shared/persons/procedure.schema';
import { call, toErrorPayload } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';

/** Opens the procedure of another country (one track per country and person). */
export function OpenTrackForm({
  personId,
  existing,
  preferred,
  onOpened,
}: {
  personId: string;
  existing: Country[];
  preferred: Country;
  onOpened: (track: TrackView) => void;
}) {
  const { t } = useTranslation();
  const available = COUNTRIES.filter((c) => !existing.includes(c));
  const [chosen, setCountry] = useState<Country | null>(null);
  // The choice, unless a track was opened for it meanwhile; by default the organisation's country.
  const country = chosen && available.includes(chosen) ? chosen : available.includes(preferred) ? preferred : available[0];
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (error) alertRef.current?.focus();
  }, [error]);

  if (available.length === 0 || country === undefined) return null;

  async function open() {
    if (!country) return;
    setBusy(true);
    setError(null);
    try {
      const track = await call('procedure.openTrack', { personId, country });
      notifySuccess(t('person.trackOpened', { country: t(`countries.${country}`) }));
      onOpened(track);
    } catch (e) {
      setError(toErrorPayload(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder p="md" bg="gray.0" data-testid="open-track">
      <Text fw={700} mb="xs" id={`open-track-${personId}`}>
        {existing.length === 0 ? t('person.openFirstTrack') : t('person.openTrack')}
      </Text>
      <Group align="flex-end">
        <NativeSelect
          label={t('person.openTrackCountry')}
          value={country}
          onChange={(event) => setCountry(event.currentTarget.value as Country)}
          data={available.map((c) => ({ value: c, label: t(`countries.${c}`) }))}
          w={220}
        />
        <Button variant="default" onClick={() => void open()} loading={busy}>
          {t('person.openTrackSubmit')}
        </Button>
      </Group>
      <ErrorAlert error={error} ref={alertRef} testId="open-track-error" />
    </Paper>
  );
}
