/**
 * The daily-casework sections of a person's page: notes and contact log, tasks, services and
 * appointments. Each panel also stands alone, for layouts that place them separately.
 */
import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../../shared/ipc/contract';
import type { AttachmentMeta } from '../../../../shared/persons/attachment.schema';
import type { Assignee } from '../../../../shared/persons/person.schema';
import { AppointmentsPanel } from './AppointmentsPanel';
import { NotesPanel } from './NotesPanel';
import { TasksPanel } from './TasksPanel';

interface CaseworkSectionsProps {
  personId: string;
  user: SessionUser;
  assignees: Assignee[];
  attachments: AttachmentMeta[];
}

export function CaseworkSections({ personId, user, assignees, attachments }: CaseworkSectionsProps) {
  const { t } = useTranslation();
  return (
    <>
      <Stack component="section" aria-labelledby="notes-title" gap="sm">
        <Title order={2} size="h3" id="notes-title">
          {t('casework.notes.title')}
        </Title>
        <NotesPanel personId={personId} attachments={attachments} />
      </Stack>
      <Stack component="section" aria-labelledby="tasks-title" gap="sm">
        <Title order={2} size="h3" id="tasks-title">
          {t('casework.tasks.title')}
        </Title>
        <TasksPanel personId={personId} user={user} assignees={assignees} />
      </Stack>
      <Stack component="section" aria-labelledby="appointments-title" gap="sm">
        <Title order={2} size="h3" id="appointments-title">
          {t('casework.appointments.title')}
        </Title>
        <AppointmentsPanel personId={personId} />
      </Stack>
    </>
  );
}
