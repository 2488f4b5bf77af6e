/**
 * Sections of a person's page that come from other parts of the app (case notes and contact log;
 * tasks, services and appointments): each is listed here once, and the page shows it in its place,
 * between the procedure and the checklists, with a link in the section bar. A section renders its own
 * content; the page gives it the heading.
 */
import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { Stack, Title } from '@mantine/core';
import type { SessionUser } from '../../../../shared/ipc/contract';
import type { AttachmentMeta } from '../../../../shared/persons/attachment.schema';
import type { Assignee } from '../../../../shared/persons/person.schema';
import { AppointmentsPanel } from './AppointmentsPanel';
import { NotesPanel } from './NotesPanel';
import { TasksPanel } from './TasksPanel';

export interface PersonSectionContext {
  personId: string;
  caseCode: string;
  user: SessionUser;
  assignees: Assignee[];
  attachments: AttachmentMeta[];
  t: TFunction;
}

export interface PersonSection {
  /** 'notes' or 'tasks': the heading id is `person-section-<id>`. */
  id: 'notes' | 'tasks';
  title: (t: TFunction) => string;
  render: (context: PersonSectionContext) => ReactNode;
}

/** In page order: the notes and contact log, then the person's tasks with their services and appointments. */
export const PERSON_SECTIONS: readonly PersonSection[] = [
  {
    id: 'notes',
    title: (t) => t('casework.notes.title'),
    render: (c) => <NotesPanel personId={c.personId} attachments={c.attachments} />,
  },
  {
    id: 'tasks',
    title: (t) => t('casework.sectionTasks'),
    render: (c) => (
      <Stack gap="lg">
        <Stack gap="sm" component="section" aria-labelledby="person-tasks-title">
          <Title order={3} size="h4" id="person-tasks-title">
            {c.t('casework.tasks.title')}
          </Title>
          <TasksPanel personId={c.personId} user={c.user} assignees={c.assignees} />
        </Stack>
        <Stack gap="sm" component="section" aria-labelledby="person-appointments-title">
          <Title order={3} size="h4" id="person-appointments-title">
            {c.t('casework.appointments.title')}
          </Title>
          <AppointmentsPanel personId={c.personId} />
        </Stack>
      </Stack>
    ),
  },
];
