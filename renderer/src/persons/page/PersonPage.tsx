/**
 * A person's page (`persons.get`, written to the audit trail as a view): the header with case code,
 * name, minor status and the safety notes first; then the procedure of each country as a timeline,
 * attachments, consents and the personal details; for administrators, deleting the record.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { changesCasework, useDataChanged } from '../../team/useDataChanged';
import { Alert, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Country } from '../../../../shared/domain';
import type { ErrorPayload } from '../../../../shared/errors';
import type { SessionUser } from '../../../../shared/ipc/contract';
import type { Assignee, PersonDetail, TrackView } from '../../../../shared/persons';
import { call, toErrorPayload } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { todayLocal } from '../../format/deadline';
import { PersonHandoverSection } from '../../handover/PersonHandoverSection';
import { MinorStatusLine } from '../parts/MinorStatusLine';
import { personName } from '../list/PersonList';
import { AttachmentsPanel } from './AttachmentsPanel';
import { CaseSummaryButton } from './CaseSummaryDialog';
import { CaseworkSections } from './CaseworkSections';
import { ConsentsPanel } from './ConsentsPanel';
import { EraseRecordSection } from './EraseRecordSection';
import { AccessRequestSection } from '../../privacy/AccessRequestSection';
import { OpenTrackForm } from './OpenTrackForm';
import { PersonDetails } from './PersonDetails';
import { TrackCard } from './TrackCard';

interface PersonPageProps {
  personId: string;
  user: SessionUser;
  assignees: Assignee[];
  country: Country;
  onBack: () => void;
  onEdit: (record: PersonDetail['person']) => void;
}

export function PersonPage({ personId, user, assignees, country, onBack, onEdit }: PersonPageProps) {
  const { t } = useTranslation();
  const today = useMemo(() => todayLocal(), []);
  const [detail, setDetail] = useState<PersonDetail | null>(null);
  const [loadError, setLoadError] = useState<ErrorPayload | null>(null);

  const load = useCallback(async () => {
    try {
      setDetail(await call('persons.get', { id: personId }));
      setLoadError(null);
    } catch (error) {
      setLoadError(toErrorPayload(error));
    }
  }, [personId]);

  useEffect(() => {
    void load();
  }, [load]);
  // Team mode: another desktop's change re-reads the page in place (open forms keep their input).
  useDataChanged(() => void load(), changesCasework);

  const replaceTrack = useCallback((track: TrackView) => {
    setDetail((d) => (d ? { ...d, tracks: d.tracks.some((x) => x.id === track.id) ? d.tracks.map((x) => (x.id === track.id ? track : x)) : [...d.tracks, track] } : d));
  }, []);

  const back = (
    <Button variant="subtle" w="fit-content" px={0} onClick={onBack} data-testid="back-to-list">
      ← {t('person.back')}
    </Button>
  );

  if (!detail) {
    return (
      <Stack maw={1200}>
        {back}
        {loadError ? (
          <Stack gap="xs" align="flex-start">
            <PageTitle>{t('person.loadFailed')}</PageTitle>
            <ErrorAlert error={loadError} testId="person-load-error" />
            <Button variant="default" onClick={() => void load()}>
              {t('common.tryAgain')}
            </Button>
          </Stack>
        ) : (
          <Loader aria-label={t('common.loading')} />
        )}
      </Stack>
    );
  }

  const { person } = detail;
  const name = personName(person) || person.aliases[0] || person.caseCode;
  const trackCountries = detail.tracks.map((track) => track.country);

  return (
    <Stack maw={1200} gap="lg" data-testid="person-page" data-person-id={person.id}>
      {back}
      <Stack gap={4}>
        <Group gap="md" align="baseline" wrap="wrap">
          <Text className="case-code" size="lg" data-testid="person-case-code">
            {person.caseCode}
          </Text>
          {!person.open ? <Text fw={700}>{t('person.closedFile')}</Text> : null}
        </Group>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <PageTitle>{name}</PageTitle>
          <Group gap="xs" wrap="nowrap">
            <CaseSummaryButton personId={person.id} />
            <Button variant="default" onClick={() => onEdit(person)} data-testid="edit-person">
              {t('person.edit')}
            </Button>
          </Group>
        </Group>
        {person.aliases.length > 0 ? <Text>{t('person.alsoKnownAs', { aliases: person.aliases.join(', ') })}</Text> : null}
        <MinorStatusLine
          precision={person.dateOfBirth.precision}
          date={person.dateOfBirth.date}
          ageInDoubt={person.ageInDoubt}
          today={today}
          testId="person-minor-status"
        />
        <Text size="sm">{person.caseworker ? t('person.caseworker', { name: person.caseworker.displayName }) : t('person.noCaseworker')}</Text>
      </Stack>

      {person.safetyNotes.trim() !== '' ? (
        <Alert
          color="red"
          variant="light"
          title={t('person.safetyNotes')}
          styles={{ title: { color: 'var(--mantine-color-red-9)', fontSize: 'var(--mantine-font-size-md)' } }}
          role="note" aria-label={t('person.safetyNotes')} data-testid="safety-notes">
          <Text className="safety-notes" fw={600} c="red.9">
            {person.safetyNotes}
          </Text>
        </Alert>
      ) : null}

      <Stack component="section" aria-labelledby="procedures-title" gap="md">
        <Title order={2} size="h3" id="procedures-title">
          {t('person.sectionProcedures')}
        </Title>
        {detail.tracks.length === 0 ? <Text c="dimmed">{t('person.noTracks')}</Text> : null}
        {detail.tracks.map((track) => (
          <TrackCard key={track.id} track={track} attachments={detail.attachments} today={today} onChanged={replaceTrack} />
        ))}
        <OpenTrackForm personId={person.id} existing={trackCountries} preferred={country} onOpened={replaceTrack} />
      </Stack>

      <CaseworkSections personId={person.id} user={user} assignees={assignees} attachments={detail.attachments} />

      <Stack component="section" aria-labelledby="attachments-title" gap="sm">
        <Title order={2} size="h3" id="attachments-title">
          {t('person.sectionAttachments')}
        </Title>
        <AttachmentsPanel
          personId={person.id}
          attachments={detail.attachments}
          onChanged={(attachments) => setDetail((d) => (d ? { ...d, attachments } : d))}
        />
      </Stack>

      <Stack component="section" aria-labelledby="consents-title" gap="sm">
        <Title order={2} size="h3" id="consents-title">
          {t('person.sectionConsents')}
        </Title>
        <ConsentsPanel personId={person.id} consents={detail.consents} onChanged={(consents) => setDetail((d) => (d ? { ...d, consents } : d))} />
      </Stack>

      <PersonHandoverSection personId={person.id} caseCode={person.caseCode} personName={name} open={person.open} />

      <Stack component="section" aria-labelledby="details-title" gap="sm">
        <Title order={2} size="h3" id="details-title">
          {t('person.details')}
        </Title>
        <PersonDetails person={person} countries={[...new Set<Country>([country, ...trackCountries])]} />
      </Stack>

      {user.role === 'admin' ? <AccessRequestSection personId={person.id} /> : null}
      {user.role === 'admin' ? <EraseRecordSection personId={person.id} caseCode={person.caseCode} onErased={onBack} /> : null}
    </Stack>
  );
}
