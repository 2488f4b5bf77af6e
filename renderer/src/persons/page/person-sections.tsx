/**
 * Sections of a person's page that come from other parts of the app (case notes and contact log;
 * tasks, services and appointments): each is listed here once, and the page shows it in its place,
 * between the procedure and the checklists, with a link in the section bar. A section renders its own
 * content; the page gives it the heading.
 */
import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import type { SessionUser } from '../../../../shared/ipc/contract';

export interface PersonSectionContext {
  personId: string;
  caseCode: string;
  user: SessionUser;
}

export interface PersonSection {
  /** 'notes' or 'tasks': the heading id is `person-section-<id>`. */
  id: 'notes' | 'tasks';
  title: (t: TFunction) => string;
  render: (context: PersonSectionContext) => ReactNode;
}

/**
 * In page order. Notes: `{ id: 'notes', title: (t) => t('casework.sectionNotes'), render: (c) => <NotesPanel … /> }`;
 * tasks and appointments: `{ id: 'tasks', title: (t) => t('casework.sectionTasks'), render: … }`.
 */
export const PERSON_SECTIONS: readonly PersonSection[] = [];
