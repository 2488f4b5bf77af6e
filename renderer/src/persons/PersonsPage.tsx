/**
 * The persons area: the list, a new person, a person's page and its edit form. The list's search,
 * filters and position survive a visit to a person, so staff return to where they were.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Country } from '../../../shared/domain';
import type { SessionUser } from '../../../shared/ipc/contract';
import type { Assignee, PersonRecord } from '../../../shared/persons/person.schema';
import { call } from '../api/client';
import { INITIAL_LIST_STATE, PersonList, type PersonListState } from './list/PersonList';
import { PersonPage } from './page/PersonPage';
import { PersonFormPage } from './form/PersonFormPage';

type View =
  | { kind: 'list'; returning: boolean }
  | { kind: 'new' }
  | { kind: 'person'; id: string }
  | { kind: 'edit'; id: string; record: PersonRecord };

interface PersonsPageProps {
  user: SessionUser;
  /** The organisation's country: its legal references are shown first. */
  country: Country;
  /** Changes when the navigation's Persons entry is chosen again: back to the list. */
  listSignal: number;
  /** A person to open, asked for by another area (a handover, an imported person); a new object each time. */
  openRequest?: { personId: string } | { newPerson: true } | null;
}

function viewOf(request: { personId: string } | { newPerson: true }): View {
  return 'personId' in request ? { kind: 'person', id: request.personId } : { kind: 'new' };
}

export function PersonsPage({ user, country, listSignal, openRequest = null }: PersonsPageProps) {
  const [view, setView] = useState<View>(openRequest ? viewOf(openRequest) : { kind: 'list', returning: false });
  const [listState, setListState] = useState<PersonListState>(INITIAL_LIST_STATE);
  const [assignees, setAssignees] = useState<Assignee[]>([]);

  const loadAssignees = useCallback(async () => {
    try {
      setAssignees(await call('persons.assignees', {}));
    } catch {
      // Without the list, the caseworker filter and field offer fewer choices; nothing else breaks.
      setAssignees([]);
    }
  }, []);

  useEffect(() => {
    void loadAssignees();
  }, [loadAssignees]);

  useEffect(() => {
    if (listSignal > 0) setView({ kind: 'list', returning: true });
  }, [listSignal]);

  useEffect(() => {
    if (openRequest) setView(viewOf(openRequest));
  }, [openRequest]);

  const backToList = useCallback(() => setView({ kind: 'list', returning: true }), []);
  const openPerson = useCallback((id: string) => setView({ kind: 'person', id }), []);

  switch (view.kind) {
    case 'list':
      return (
        <PersonList
          user={user}
          assignees={assignees}
          state={listState}
          onStateChange={setListState}
          returning={view.returning}
          onOpen={openPerson}
          onNew={() => setView({ kind: 'new' })}
        />
      );
    case 'new':
      return (
        <PersonFormPage
          mode={{ kind: 'new' }}
          user={user}
          assignees={assignees}
          country={country}
          onCancel={() => setView({ kind: 'list', returning: false })}
          onSaved={(id) => openPerson(id)}
        />
      );
    case 'edit':
      return (
        <PersonFormPage
          mode={{ kind: 'edit', id: view.id, record: view.record }}
          user={user}
          assignees={assignees}
          country={country}
          onCancel={() => openPerson(view.id)}
          onSaved={(id) => openPerson(id)}
        />
      );
    case 'person':
      return (
        <PersonPage
          key={view.id}
          personId={view.id}
          user={user}
          assignees={assignees}
          country={country}
          onBack={backToList}
          onEdit={(record) => setView({ kind: 'edit', id: view.id, record })}
        />
      );
  }
}
