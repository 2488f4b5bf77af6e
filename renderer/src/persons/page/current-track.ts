/**
 * The track as saved now, for "Reload their version" in the conflict dialog (a track's events and
 * checklists come with the person's page; re-reading it is a `persons.get`, audited as a view).
 */
import type { TrackView } from '../../../../shared/persons/procedure.schema';
import { call } from '../../api/client';

export async function currentTrack(personId: string, trackId: string): Promise<TrackView | null> {
  return (await call('persons.get', { id: personId })).tracks.find((x) => x.id === trackId) ?? null;
}
