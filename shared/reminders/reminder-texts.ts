/**
 * The words of reminders ("Calendar export"), as data in nl, fr and
 * en like shared/rules. A notification is built from three things only: the kind's phrase, the number
 * of days, and the case code (when it has the form of a Passerelle case code). No other field of a
 * deadline can reach the text: the functions here take nothing else.
 */
import type { Language } from '../domain';
import { DUE_KIND_LABELS } from '../rules/common.rules';
import type { Labels } from '../rules/rule.types';
import { notifiableCaseCode, type ReminderKind } from './reminder.types';

const L = (en: string, nl: string, fr: string): Labels => ({ en, nl, fr });

/** What is due, as a noun phrase for lists (the procedure kinds reuse the rule tables' labels). */
export const REMINDER_KIND_LABELS: Readonly<Record<ReminderKind, Labels>> = {
  ...DUE_KIND_LABELS,
  task: L('Task', 'Taak', 'Tâche'),
  handover: L('Handover deadline', 'Termijn voor de overdracht', 'Délai de transfert'),
  handoverRetentionEnd: L(
    'Handed-over file due for deletion',
    'Overgedragen dossier te verwijderen',
    'Dossier transféré à supprimer',
  ),
  closedFileRetentionEnd: L('Closed file due for review and deletion', 'Afgesloten dossier te herzien en te verwijderen', 'Dossier clôturé à revoir et à supprimer'),
  appointment: L('Appointment', 'Afspraak', 'Rendez-vous'),
};

interface Phrase {
  /** Subject and verb for a coming or current deadline: "Reflection period ends". */
  readonly present: string;
  /** The same for a passed one: "Reflection period ended". */
  readonly past: string;
}

const P = (present: string, past: string): Phrase => ({ present, past });

/** Short sentences for notifications and calendar titles. */
export const REMINDER_KIND_PHRASES: Readonly<Record<ReminderKind, Readonly<Record<Language, Phrase>>>> = {
  reflectionPeriodEnd: {
    en: P('Reflection period ends', 'Reflection period ended'),
    nl: P('Reflectieperiode eindigt', 'Reflectieperiode eindigde'),
    fr: P('La période de réflexion se termine', "La période de réflexion s'est terminée"),
  },
  attestationExpiry: {
    en: P('Attestation of immatriculation expires', 'Attestation of immatriculation expired'),
    nl: P('Attest van immatriculatie verloopt', 'Attest van immatriculatie verliep'),
    fr: P("L'attestation d'immatriculation expire", "L'attestation d'immatriculation a expiré"),
  },
  evaluationDue: {
    en: P("Magistrate's evaluation is due", "Magistrate's evaluation was due"),
    nl: P('Evaluatie door de magistraat is voorzien', 'Evaluatie door de magistraat was voorzien'),
    fr: P("L'évaluation par le magistrat est prévue", "L'évaluation par le magistrat était prévue"),
  },
  registrationExpiry: {
    en: P('Registration certificate (BIVR) expires', 'Registration certificate (BIVR) expired'),
    nl: P('Bewijs van inschrijving (BIVR) verloopt', 'Bewijs van inschrijving (BIVR) verliep'),
    fr: P("Le certificat d'inscription (CIRE) expire", "Le certificat d'inscription (CIRE) a expiré"),
  },
  residencePermitExpiry: {
    en: P('Residence permit expires', 'Residence permit expired'),
    nl: P('Verblijfsvergunning verloopt', 'Verblijfsvergunning verliep'),
    fr: P('Le titre de séjour expire', 'Le titre de séjour a expiré'),
  },
  continuousResidenceMilestone: {
    en: P('Three years of uninterrupted residence are reached', 'Three years of uninterrupted residence were reached'),
    nl: P('Drie jaar onafgebroken verblijf wordt bereikt', 'Drie jaar onafgebroken verblijf werd bereikt'),
    fr: P('Les trois ans de séjour ininterrompu sont atteints', 'Les trois ans de séjour ininterrompu ont été atteints'),
  },
  preExpiryDecisionDue: {
    en: P('Decision before the reflection period expires is due', 'Decision before the reflection period expired was due'),
    nl: P('Beslissing vóór het einde van de bedenktijd is voorzien', 'Beslissing vóór het einde van de bedenktijd was voorzien'),
    fr: P('La décision avant la fin du délai de réflexion est attendue', 'La décision avant la fin du délai de réflexion était attendue'),
  },
  personalReasonsPermitExpiry: {
    en: P('Permit for personal reasons expires', 'Permit for personal reasons expired'),
    nl: P('Verblijfstitel om persoonlijke redenen verloopt', 'Verblijfstitel om persoonlijke redenen verliep'),
    fr: P('Le titre de séjour pour raisons privées expire', 'Le titre de séjour pour raisons privées a expiré'),
  },
  task: {
    en: P('A task is due', 'A task was due'),
    nl: P('Een taak vervalt', 'Een taak verviel'),
    fr: P('Une tâche arrive à échéance', 'Une tâche est arrivée à échéance'),
  },
  handover: {
    en: P('Handover deadline', 'Handover deadline passed'),
    nl: P('Termijn voor de overdracht verstrijkt', 'Termijn voor de overdracht verstreek'),
    fr: P('Le délai de transfert expire', 'Le délai de transfert a expiré'),
  },
  handoverRetentionEnd: {
    en: P('Retention of a handed-over file ends', 'Retention of a handed-over file ended'),
    nl: P('Bewaartermijn van een overgedragen dossier eindigt', 'Bewaartermijn van een overgedragen dossier eindigde'),
    fr: P("La conservation d'un dossier transféré prend fin", "La conservation d'un dossier transféré a pris fin"),
  },
  closedFileRetentionEnd: {
    en: P('Retention of a closed file ends', 'Retention of a closed file ended'),
    nl: P('Bewaartermijn van een afgesloten dossier eindigt', 'Bewaartermijn van een afgesloten dossier eindigde'),
    fr: P("La conservation d'un dossier clôturé prend fin", "La conservation d'un dossier clôturé a pris fin"),
  },
  appointment: {
    en: P('An appointment is planned', 'An appointment was planned'),
    nl: P('Een afspraak is gepland', 'Een afspraak was gepland'),
    fr: P('Un rendez-vous est prévu', 'Un rendez-vous était prévu'),
  },
};

interface WhenTemplates {
  readonly today: string;
  readonly tomorrow: string;
  readonly inDays: string;
  readonly yesterday: string;
  readonly daysAgo: string;
  /** Between the sentence and the case code ("…: PAY-2026-0007"; French puts a space before ':'). */
  readonly separator: string;
}

const WHEN: Readonly<Record<Language, WhenTemplates>> = {
  en: {
    today: '{{present}} today',
    tomorrow: '{{present}} tomorrow',
    inDays: '{{present}} in {{count}} days',
    yesterday: '{{past}} yesterday',
    daysAgo: '{{past}} {{count}} days ago',
    separator: ': ',
  },
  nl: {
    today: '{{present}} vandaag',
    tomorrow: '{{present}} morgen',
    inDays: '{{present}} over {{count}} dagen',
    yesterday: '{{past}} gisteren',
    daysAgo: '{{past}} {{count}} dagen geleden',
    separator: ': ',
  },
  fr: {
    today: "{{present}} aujourd'hui",
    tomorrow: '{{present}} demain',
    inDays: '{{present}} dans {{count}} jours',
    yesterday: '{{past}} hier',
    daysAgo: '{{past}} il y a {{count}} jours',
    separator: ' : ',
  },
};

const OPEN_APP: Labels = L(
  'Open Passerelle to see the deadline.',
  'Open Passerelle om de termijn te bekijken.',
  'Ouvrez Passerelle pour voir le délai.',
);

function fill(template: string, params: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export interface NotificationText {
  readonly title: string;
  readonly body: string;
}

/** "Reflection period ends in 3 days" (no case code). `daysLeft` is negative once the date has passed. */
export function dueSentence(kind: ReminderKind, daysLeft: number, language: Language): string {
  const phrase = REMINDER_KIND_PHRASES[kind][language];
  const when = WHEN[language];
  const template =
    daysLeft === 0
      ? when.today
      : daysLeft === 1
        ? when.tomorrow
        : daysLeft > 1
          ? when.inDays
          : daysLeft === -1
            ? when.yesterday
            : when.daysAgo;
  return fill(template, { present: phrase.present, past: phrase.past, count: Math.abs(daysLeft) });
}

/**
 * The notification of one deadline: "Reflection period ends in 3 days: PAY-2026-0007". A case code
 * that is not of Passerelle's form is left out rather than shown.
 */
export function reminderNotification(input: {
  readonly kind: ReminderKind;
  readonly caseCode: string;
  readonly daysLeft: number;
  readonly language: Language;
}): NotificationText {
  const sentence = dueSentence(input.kind, input.daysLeft, input.language);
  const code = notifiableCaseCode(input.caseCode);
  return {
    title: code ? `${sentence}${WHEN[input.language].separator}${code}` : sentence,
    body: OPEN_APP[input.language],
  };
}

/** A calendar event's title: "Reflection period ends: PAY-2026-0007". */
export function calendarTitle(kind: ReminderKind, caseCode: string, language: Language): string {
  const phrase = REMINDER_KIND_PHRASES[kind][language].present;
  const code = notifiableCaseCode(caseCode);
  return code ? `${phrase}${WHEN[language].separator}${code}` : phrase;
}

export interface DeadlineCounts {
  readonly overdue: number;
  readonly today: number;
  readonly thisWeek: number;
  readonly next30Days: number;
}

const COUNT_PARTS: Readonly<Record<Language, Record<keyof DeadlineCounts, string>>> = {
  en: { overdue: 'Overdue: {{n}}', today: 'Today: {{n}}', thisWeek: 'This week: {{n}}', next30Days: 'Next 30 days: {{n}}' },
  nl: { overdue: 'Verstreken: {{n}}', today: 'Vandaag: {{n}}', thisWeek: 'Deze week: {{n}}', next30Days: 'Komende 30 dagen: {{n}}' },
  fr: {
    overdue: 'En retard : {{n}}',
    today: "Aujourd'hui : {{n}}",
    thisWeek: 'Cette semaine : {{n}}',
    next30Days: 'Dans les 30 jours : {{n}}',
  },
};

function countsLine(counts: DeadlineCounts, language: Language): string {
  const parts = COUNT_PARTS[language];
  return (['overdue', 'today', 'thisWeek', 'next30Days'] as const).map((k) => fill(parts[k], { n: counts[k] })).join(' · ');
}

const DIGEST_TITLE: Labels = L('Deadlines: daily summary', 'Termijnen: dagelijks overzicht', 'Délais : résumé du jour');

/** The daily digest: counts only. */
export function digestNotification(counts: DeadlineCounts, language: Language): NotificationText {
  return { title: DIGEST_TITLE[language], body: countsLine(counts, language) };
}

const SUMMARY_TITLE: Labels = L(
  '{{n}} deadline reminders',
  '{{n}} herinneringen aan termijnen',
  '{{n}} rappels de délais',
);

/** Several reminders at once (after the app was closed, or many on one day): one notification, counts only. */
export function summaryNotification(reminders: number, counts: DeadlineCounts, language: Language): NotificationText {
  return { title: fill(SUMMARY_TITLE[language], { n: reminders }), body: countsLine(counts, language) };
}
