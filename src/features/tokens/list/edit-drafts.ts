// Open inline edits and their text, kept outside the rows: a virtualized row may unmount while
// scrolled away, and a failed save must bring back exactly what the person typed.
import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';

export class EditDrafts {
  private drafts = new Map<string, string>();
  private listeners = new Set<() => void>();
  /** Text whose save just failed, per key: leaving the box does not send it again (Enter does). */
  private failed = new Map<string, string>();

  markFailed(key: string, text: string | undefined): void {
    if (text === undefined) this.failed.delete(key);
    else this.failed.set(key, text);
  }

  failedText(key: string): string | undefined {
    return this.failed.get(key);
  }

  get(key: string): string | undefined {
    return this.drafts.get(key);
  }

  set(key: string, value: string | undefined): void {
    if (value === undefined) this.drafts.delete(key);
    else this.drafts.set(key, value);
    for (const listener of this.listeners) listener();
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

export const EditDraftsContext = createContext<EditDrafts | null>(null);

export function useEditDrafts(): EditDrafts {
  const drafts = useContext(EditDraftsContext);
  if (!drafts) throw new Error('useEditDrafts needs an <EditDraftsContext> above it');
  return drafts;
}

/** The open draft for `key` (undefined when not editing) and a setter. */
export function useEditDraft(key: string): [string | undefined, (value: string | undefined) => void] {
  const drafts = useEditDrafts();
  const draft = useSyncExternalStore(drafts.subscribe, () => drafts.get(key));
  const setDraft = useCallback((value: string | undefined) => drafts.set(key, value), [drafts, key]);
  return [draft, setDraft];
}
