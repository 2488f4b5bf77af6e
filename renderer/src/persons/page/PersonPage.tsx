/**
 * A person's page (`persons.get`, written to the audit trail as a view). The first screen answers
 * "what is due and what do I do next": name and case code, the key facts, the safety notes, then the
 * running deadlines with the events the rules allow next. A sticky section bar leads to the sections:
 * the procedure of each country as a timeline, notes and tasks (person-sections.tsx), the condition
 * checklists, consents, attachments, handovers and the personal details; for administrators, deleting
 * the record.
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
import { TrackFromPackage } from '../../handover/incoming/TrackFromPackage';
import { languageName, useLanguage } from '../../format/labels';
import { MinorStatusLine } from '../parts/MinorStatusLine';
import { personName } from '../list/PersonList';
import { AttachmentsPanel } from './AttachmentsPanel';
import { CaseSummaryButton } from './CaseSummaryDialog';
import { ChecklistPanel } from './ChecklistPanel';
import { ConsentsPanel } from './ConsentsPanel';
import { EraseRecordSection } from './EraseRecordSection';
import { AccessRequestSection } from '../../privacy/AccessRequestSection';
import { OpenTrackForm } from './OpenTrackForm';
import { PersonDetails } from './PersonDetails';
import { PERSON_SECTIONS } from './person-sections';
import { PersonSummary } from './PersonSummary';
import { SectionBar, type SectionLink } from './SectionBar';
import { TrackCard } from './TrackCard';
import { PhaseRightsPanel } from '../../procedure/PhaseRightsPanel';

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
  const language = useLanguage();
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
  const checklists = detail.tracks.flatMap((track) => track.checklists.map((checklist) => ({ track, checklist })));
  const sectionContext = { personId: person.id, caseCode: person.caseCode, user, assignees, attachments: detail.attachments, t };
  const sections: SectionLink[] = [
    { headingId: 'procedures-title', label: t('person.sectionProcedures') },
    ...PERSON_SECTIONS.map((s) => ({ headingId: `person-section-${s.id}`, label: s.title(t) })),
    { headingId: 'checklists-title', label: t('casework.sectionChecklists') },
    { headingId: 'consents-title', label: t('person.sectionConsents') },
    { headingId: 'attachments-title', label: t('person.sectionAttachments') },
    { headingId: 'person-handovers-title', label: t('handover.person.title') },
    { headingId: 'details-title', label: t('person.details') },
  ];

  // "Record the event" at the top: to the form of that track (its event select takes focus).
  const toRecordForm = (track: TrackView | null) => {
    const form = track ? document.querySelector<HTMLElement>(`[data-testid="record-event-${track.country}"]`) : document.querySelector<HTMLElement>('[data-testid="open-track"]');
    if (!form) return;
    form.scrollIntoView({ block: 'center' });
    form.querySelector<HTMLElement>('select, input')?.focus({ preventScroll: true });
  };

  return (
    <Stack maw={1200} gap="md" data-testid="person-page" data-person-id={person.id}>
      <Group justify="space-between" align="center" wrap="nowrap">
        {back}
        <Group gap="xs" wrap="nowrap">
          <CaseSummaryButton personId={person.id} />
          <Button variant="default" onClick={() => onEdit(person)} data-testid="edit-person">
            {t('person.edit')}
          </Button>
        </Group>
      </Group>
      <Stack gap={2}>
        <Group gap="md" align="baseline" wrap="wrap">
          <PageTitle>{name}</PageTitle>
          <Text className="case-code" size="lg" data-testid="person-case-code">
            {person.caseCode}
          </Text>
          {!person.open ? <Text fw={700}>{t('person.closedFile')}</Text> : null}
        </Group>
        {person.aliases.length > 0 ? <Text size="sm">{t('person.alsoKnownAs', { aliases: person.aliases.join(', ') })}</Text> : null}
        <Group gap="lg" wrap="wrap" className="person-key-facts">
          <MinorStatusLine
            precision={person.dateOfBirth.precision}
            date={person.dateOfBirth.date}
            ageInDoubt={person.ageInDoubt}
            today={today}
            testId="person-minor-status"
          />
          <Text size="sm">{person.caseworker ? t('person.caseworker', { name: person.caseworker.displayName }) : t('person.noCaseworker')}</Text>
          {person.interpreter.needed ? (
            <Text size="sm" fw={600}>
              {t('person.interpreterYes', { language: person.interpreter.language ? languageName(person.interpreter.language, language) : t('person.notKnown') })}
            </Text>
          ) : null}
        </Group>
      </Stack>

      {person.safetyNotes.trim() !== '' ? (
        <Alert
          color="red"
          variant="light"
          p="sm"
          title={t('person.safetyNotes')}
          styles={{ title: { color: 'var(--mantine-color-red-9)', fontSize: 'var(--mantine-font-size-md)' } }}
          role="note" aria-label={t('person.safetyNotes')} data-testid="safety-notes">
          <Text className="safety-notes" fw={600} c="red.9">
            {person.safetyNotes}
          </Text>
        </Alert>
      ) : null}

      <PersonSummary tracks={detail.tracks} today={today} onRecord={toRecordForm} />

      <SectionBar sections={sections} />

      <Stack component="section" aria-labelledby="procedures-title" gap="md">
        <Title order={2} size="h3" id="procedures-title">
          {t('person.sectionProcedures')}
        </Title>
        {detail.tracks.length === 0 ? <Text c="dimmed">{t('person.noTracks')}</Text> : null}
        {detail.tracks.map((track) => (
          <TrackCard key={track.id} track={track} today={today} onChanged={replaceTrack} />
        ))}
        {detail.tracks.map((track) => <PhaseRightsPanel key={`rights-${track.id}`} track={track} personId={person.id} today={today} />)}
        <TrackFromPackage personId={person.id} existing={trackCountries} onOpened={replaceTrack} />
        <OpenTrackForm personId={person.id} existing={trackCountries} preferred={country} onOpened={replaceTrack} />
      </Stack>

      {PERSON_SECTIONS.map((section) => (
        <Stack key={section.id} component="section" aria-labelledby={`person-section-${section.id}`} gap="sm">
          <Title order={2} size="h3" id={`person-section-${section.id}`}>
            {section.title(t)}
          </Title>
          {section.render(sectionContext)}
        </Stack>
      ))}

      <Stack component="section" aria-labelledby="checklists-title" gap="sm">
        <Title order={2} size="h3" id="checklists-title">
          {t('casework.sectionChecklists')}
        </Title>
        {checklists.length === 0 ? <Text c="dimmed">{t('casework.noChecklists')}</Text> : null}
        {checklists.map(({ track, checklist }) => (
          <ChecklistPanel key={`${track.id}-${checklist.id}`} track={track} checklist={checklist} attachments={detail.attachments} onChanged={replaceTrack} />
        ))}
      </Stack>

      <Stack component="section" aria-labelledby="consents-title" gap="sm">
        <Title order={2} size="h3" id="consents-title">
          {t('person.sectionConsents')}
        </Title>
        <ConsentsPanel personId={person.id} consents={detail.consents} onChanged={(consents) => setDetail((d) => (d ? { ...d, consents } : d))} />
      </Stack>

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
