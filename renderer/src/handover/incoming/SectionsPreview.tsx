/**
 * The sections of a received package as the sender signed them: identity, contact, procedure (the
 * sender's procedure history as a timeline), exploitation, health, safety. The content is untrusted
 * input: only known fields are named, everything is shown as text, nothing as markup.
 */
import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { COUNTRIES, type Country } from '../../../../shared/domain';
import { HANDOVER_SECTIONS, type HandoverSection } from '../../../../shared/handover/package.schema';
import { EXPLOITATION_FORMS } from '../../../../shared/persons/exploitation';
import { DOB_PRECISIONS } from '../../../../shared/persons/minor-status';
import { RULE_TABLES } from '../../../../shared/rules';
import { formatDate } from '../../format/date-format';
import { countryName, languageName, pick, useLanguage } from '../../format/labels';
import '../handover.css';

type Json = Record<string, unknown>;

const obj = (v: unknown): Json => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '');
const isCountry = (c: string): c is Country => (COUNTRIES as readonly string[]).includes(c);
const isDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

function Row({ label, value }: { label: string; value: string }) {
  if (value.trim() === '') return null;
  return (
    <div className="detail-item">
      <dt>{label}</dt>
      <dd className="pre-line">{value}</dd>
    </div>
  );
}

function IdentitySection({ s }: { s: Json }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const dob = obj(s.dateOfBirth);
  const interpreter = obj(s.interpreter);
  const precisionText = (p: string) => ((DOB_PRECISIONS as readonly string[]).includes(p) ? t(`dobPrecision.${p as (typeof DOB_PRECISIONS)[number]}`) : p);
  const genderText = (g: string) => (['female', 'male', 'other', 'unknown'].includes(g) ? t(`genders.${g as 'female'}`) : g);
  const yes = (v: unknown) => (v === true ? t('person.yes') : v === false ? t('person.no') : '');
  return (
    <dl className="detail-list preview-grid">
      <Row label={t('personForm.givenNames')} value={str(s.givenNames)} />
      <Row label={t('personForm.familyName')} value={str(s.familyName)} />
      <Row label={t('personForm.aliases')} value={arr(s.aliases).map(str).join(', ')} />
      <Row label={t('personForm.dobDate')} value={[isDate(dob.date) ? formatDate(dob.date) : '', precisionText(str(dob.precision))].filter((x) => x !== '').join(' · ')} />
      <Row label={t('personForm.ageInDoubt')} value={yes(s.ageInDoubt)} />
      <Row label={t('personForm.unaccompanied')} value={yes(s.unaccompanied)} />
      <Row label={t('personForm.gender')} value={genderText(str(s.gender))} />
      <Row label={t('personForm.nationalities')} value={arr(s.nationalities).map((c) => countryName(str(c), language)).join(', ')} />
      <Row label={t('personForm.languages')} value={arr(s.languages).map((c) => languageName(str(c), language)).join(', ')} />
      <Row label={t('personForm.interpreterNeeded')} value={interpreter.needed === true ? languageName(str(interpreter.language), language) || t('person.yes') : yes(interpreter.needed)} />
    </dl>
  );
}

function ProcedureSection({ s }: { s: Json }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const tracks = arr(s.tracks).map(obj);
  if (tracks.length === 0) return <Text c="dimmed">{t('incoming.noTracks')}</Text>;
  return (
    <Stack gap="md" data-testid="origin-procedure">
      {tracks.map((track, i) => {
        const c = str(track.country);
        const rules = isCountry(c) ? RULE_TABLES[c] : null;
        const phase = rules?.phases.find((p) => p.phase === str(track.phase));
        return (
          <Stack key={i} gap={6}>
            <Text fw={700} size="sm">
              {isCountry(c) ? t('procedure.trackTitle', { country: t(`countries.${c}`) }) : c}
            </Text>
            {phase ? <Text size="sm">{t('incoming.lastPhase', { phase: pick(phase.label, language) })}</Text> : null}
            <ol className="timeline">
              {arr(track.events)
                .map(obj)
                .map((e, j) => {
                  const rule = rules?.events.find((r) => r.type === str(e.type));
                  return (
                    <li key={j}>
                      <Text size="sm" fw={600} component="span">
                        {isDate(e.date) ? formatDate(e.date) : str(e.date)}
                      </Text>{' '}
                      <Text size="sm" component="span">
                        {rule ? pick(rule.label, language) : str(e.type)}
                      </Text>
                      {isDate(e.documentExpiry) ? (
                        <Text size="xs" c="dimmed">
                          {t('procedure.documentExpiryValue', { date: formatDate(e.documentExpiry) })}
                        </Text>
                      ) : null}
                    </li>
                  );
                })}
            </ol>
          </Stack>
        );
      })}
    </Stack>
  );
}

/** Any other section: its fields as text, nested values as JSON text. */
function GenericSection({ s }: { s: Json }) {
  const entries = Object.entries(s).filter(([k]) => k !== 'v');
  return (
    <dl className="detail-list preview-grid">
      {entries.map(([k, v]) => (
        <Row key={k} label={k} value={typeof v === 'object' && v !== null ? JSON.stringify(v, null, 1) : str(v)} />
      ))}
    </dl>
  );
}

function ExploitationSection({ s }: { s: Json }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const forms = arr(s.forms).map(str);
  return (
    <dl className="detail-list preview-grid">
      <Row
        label={t('personForm.exploitationForms')}
        value={forms.map((f) => ((EXPLOITATION_FORMS as readonly string[]).includes(f) ? t(`exploitationForms.${f as (typeof EXPLOITATION_FORMS)[number]}`) : f)).join(', ')}
      />
      <Row label={t('personForm.exploitationCountries')} value={arr(s.countries).map((c) => countryName(str(c), language)).join(', ')} />
    </dl>
  );
}

export function SectionsPreview({ sections }: { sections: Record<string, Record<string, unknown>> }) {
  const { t } = useTranslation();
  const present = HANDOVER_SECTIONS.filter((s) => sections[s] !== undefined);
  const unknown = Object.keys(sections).filter((k) => !(HANDOVER_SECTIONS as readonly string[]).includes(k));
  const body = (name: HandoverSection, s: Json) => {
    switch (name) {
      case 'identity':
        return <IdentitySection s={s} />;
      case 'procedure':
        return (
          <Stack gap="sm">
            <GenericSection s={{ detection: s.detection, identification: s.identification }} />
            <Title order={4} size="h6">
              {t('incoming.procedureHistory')}
            </Title>
            <ProcedureSection s={s} />
          </Stack>
        );
      case 'exploitation':
        return <ExploitationSection s={s} />;
      case 'safety':
        return <Text className="safety-notes">{str(s.safetyNotes) || t('common.none')}</Text>;
      default:
        return <GenericSection s={s} />;
    }
  };
  return (
    <Stack gap="sm" data-testid="preview-sections">
      {present.length === 0 ? <Text c="dimmed">{t('incoming.noSections')}</Text> : null}
      {present.map((name) => (
        <Paper key={name} withBorder p="md" component="section" aria-label={t(`dataCategories.${name}`)} data-testid={`preview-section-${name}`}>
          <Title order={3} size="h5" mb="xs">
            {t(`dataCategories.${name}`)}
          </Title>
          {body(name, obj(sections[name]))}
        </Paper>
      ))}
      {unknown.length > 0 ? <Text size="sm">{t('incoming.unknownSections', { names: unknown.join(', ') })}</Text> : null}
    </Stack>
  );
}
