/**
 * Saving a versioned record from any form or panel (docs/team-server.md "Concurrent edits"): the
 * save is sent with the version the form was loaded at; when someone else saved the record since,
 * the server refuses it with CONFLICT and the one conflict dialog opens (who saved and when; reload
 * their version, or re-apply this change on top of it).
 */
import { useCallback, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorDetails } from '../../../shared/errors';
import { ClientError, toErrorPayload } from '../api/client';
import { errorText } from '../api/error-text';
import { notifyWarning } from '../components/notify';
import { useLanguage } from '../format/labels';
import { ConflictDialog } from './ConflictDialog';

/** The refusal's details when `error` is a save made on an older version; null for any other error. */
export function staleVersion(error: unknown): (ErrorDetails & { currentVersion: number }) | null {
  if (!(error instanceof ClientError) || error.code !== 'CONFLICT') return null;
  const details = error.payload.details;
  return details?.currentVersion !== undefined ? { ...details, currentVersion: details.currentVersion } : null;
}

/**
 * The version a form was loaded at: it follows the record while the form is untouched, and stays
 * put once the user changes something, so a re-read underneath (a change event from another desktop)
 * leaves the typed input alone and a save then meets the conflict dialog instead of overwriting.
 */
export function useLoadedVersion(current: number, editing: boolean): number {
  const [loaded, setLoaded] = useState(current);
  if (!editing && loaded !== current) {
    setLoaded(current);
    return current;
  }
  return loaded;
}

interface Pending {
  details: ErrorDetails & { currentVersion: number };
  save: (version: number) => Promise<void>;
  reload: () => void | Promise<void>;
}

export interface ConflictGuard {
  /**
   * Runs `save(version)`. A stale version opens the conflict dialog and resolves false (the form keeps
   * its input); any other error is thrown as before. "Re-apply" calls `save` again on the current
   * version; "Reload" calls `reload` (which should put the saved record back into the form).
   */
  save: (version: number, save: (version: number) => Promise<void>, reload: () => void | Promise<void>) => Promise<boolean>;
  /** The dialog; render it once in the form or panel. */
  dialog: ReactElement;
  /**
   * Whether the dialog is open. A form that is itself a modal passes `closeOnEscape={!open}`: Mantine
   * closes every open modal on Escape, and Escape in the conflict dialog must leave the form open.
   */
  open: boolean;
}

export function useConflict(): ConflictGuard {
  const { t } = useTranslation();
  const language = useLanguage();
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);

  const save = useCallback(async (version: number, run: (version: number) => Promise<void>, reload: () => void | Promise<void>) => {
    try {
      await run(version);
      return true;
    } catch (error) {
      const details = staleVersion(error);
      if (!details) throw error;
      setPending({ details, save: run, reload });
      return false;
    }
  }, []);

  async function resolve(how: 'reload' | 'reapply') {
    if (!pending) return;
    setBusy(true);
    try {
      if (how === 'reload') await pending.reload();
      else await pending.save(pending.details.currentVersion);
      setPending(null);
    } catch (error) {
      // Saved again by someone else in the meantime: the dialog names the newer save.
      const details = staleVersion(error);
      if (details) setPending({ ...pending, details });
      else {
        setPending(null);
        notifyWarning(errorText(t, toErrorPayload(error), language));
      }
    } finally {
      setBusy(false);
    }
  }

  const dialog = (
    <ConflictDialog
      conflict={pending?.details ?? null}
      busy={busy}
      onReload={() => void resolve('reload')}
      onReapply={() => void resolve('reapply')}
      onClose={() => setPending(null)}
    />
  );
  return { save, dialog, open: pending !== null };
}
