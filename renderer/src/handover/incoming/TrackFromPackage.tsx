/**
 * A person received in a handover package: the procedure tracks of the package's procedure section
 * are offered here, prefilled with the sender's events (type, date, printed expiry), so staff open
 * them after checking instead of typing them again. Nothing is recorded until the user confirms; each
 * event then goes through the same rules as one typed by hand (a transition the rules forbid is
 * refused, citing the rule). The package's content is untrusted: only events that pass the event
 * schema are offered.
 */
import { useEffect, useMemo, useState } from 'react';
import { Button, Checkbox, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { COUNTRIES, type Country } from '../../../../shared/domain';
import type { ErrorPayload } from '../../../../shared/errors';
import type { OriginHistory } from '../../../../shared/handover/handover.ipc';
import type { z } from 'zod';
import { eventInputSchema, type TrackView } from '../../../../shared/persons/procedure.schema';
import { call, toErrorPayload } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { dateWithWeekday } from '../../format/deadline';
import { useLanguage } from '../../format/labels';
import { eventLabel } from '../../persons/rule-labels';

type PackageEvent = z.output<typeof eventInputSchema>;

export interface PackageTrack {
  country: Country;
  events: PackageEvent[];
}

/** The tracks of a package's procedure section whose events pass the event schema (others are left out). */
export function packageTracks(origin: Pick<OriginHistory, 'sections'>): PackageTrack[] {
  const tracks = origin.sections.procedure?.tracks;
  if (!Array.isArray(tracks)) return [];
  const out: PackageTrack[] = [];
  for (const raw of tracks as unknown[]) {
    if (typeof raw !== 'object' || raw === null) continue;
    const { country, events } = raw as { country?: unknown; events?: unknown };
    if (!COUNTRIES.includes(country as Country) || !Array.isArray(events)) continue;
    const parsed: PackageEvent[] = [];
    for (const e of events as unknown[]) {
      const candidate = typeof e === 'object' && e !== null ? { ...(e as Record<string, unknown>) } : e;
      if (candidate && typeof candidate === 'object' && (candidate as Record<string, unknown>).documentExpiry === null) delete (candidate as Record<string, unknown>).documentExpiry;
      const result = eventInputSchema.safeParse(candidate);
      if (result.success) parsed.push(result.data);
    }
    if (parsed.length > 0) out.push({ country: country as Country, events: parsed.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)) });
  }
  return out;
}

interface TrackFromPackageProps {
  personId: string;
  /** Countries that already have a track here (not offered again). */
  existing: Country[];
  onOpened: (track: TrackView) => void;
}

export function TrackFromPackage({ personId, existing, onOpened }: TrackFromPackageProps) {
  const [origin, setOrigin] = useState<OriginHistory | null>(null);
  useEffect(() => {
    let live = true;
    call('handover.origin', { personId })
      .then((o) => live && setOrigin(o))
      .catch(() => live && setOrigin(null));
    return () => {
      live = false;
    };
  }, [personId]);
  const offered = useMemo(() => (origin ? packageTracks(origin).filter((track) => !existing.includes(track.country)) : []), [origin, existing]);
  if (!origin || offered.length === 0) return null;
  return (
    <>
      {offered.map((track) => (
        <PackageTrackOffer key={track.country} personId={personId} sender={origin.senderName} track={track} onOpened={onOpened} />
      ))}
    </>
  );
}

function PackageTrackOffer({ personId, sender, track, onOpened }: { personId: string; sender: string; track: PackageTrack; onOpened: (t: TrackView) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [chosen, setChosen] = useState<boolean[]>(() => track.events.map(() => true));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const titleId = `package-track-${track.country}`;
  const count = chosen.filter(Boolean).length;

  async function open() {
    setBusy(true);
    setError(null);
    try {
      let view = await call('procedure.openTrack', { personId, country: track.country });
      for (const [i, event] of track.events.entries()) {
        if (!chosen[i]) continue;
        try {
          view = await call('procedure.recordEvent', { trackId: view.id, event });
        } catch (e) {
          // The track is open with the events before this one; the refusal says why this one was not recorded.
          onOpened(view);
          setError(toErrorPayload(e));
          setBusy(false);
          return;
        }
      }
      notifySuccess(t('casework.fromPackageOpened', { country: t(`countries.${track.country}`), count }));
      onOpened(view);
    } catch (e) {
      setError(toErrorPayload(e));
      setBusy(false);
    }
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId} data-testid={`package-track-${track.country}`}>
      <Stack gap="sm">
        <Title order={3} size="h5" id={titleId}>
          {t('casework.fromPackageTitle', { country: t(`countries.${track.country}`) })}
        </Title>
        <Text size="sm">{t('casework.fromPackageText', { sender })}</Text>
        <Stack gap={4} role="group" aria-labelledby={titleId}>
          {track.events.map((event, i) => (
            <Checkbox
              key={`${event.type}-${event.date}-${i}`}
              checked={chosen[i] ?? false}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                setChosen((c) => c.map((v, j) => (j === i ? on : v)));
              }}
              label={`${dateWithWeekday(t, event.date)}: ${eventLabel(track.country, event.type, language)}${
                event.documentExpiry ? ` (${t('procedure.documentExpiryValue', { date: dateWithWeekday(t, event.documentExpiry) })})` : ''
              }`}
            />
          ))}
        </Stack>
        <ErrorAlert error={error} testId={`package-track-error-${track.country}`} />
        <Button w="fit-content" onClick={() => void open()} loading={busy} disabled={count === 0} data-testid={`package-track-open-${track.country}`}>
          {t('casework.fromPackageConfirm', { country: t(`countries.${track.country}`), count })}
        </Button>
      </Stack>
    </Paper>
  );
}
