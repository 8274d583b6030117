// The pencil: turns a description into a textbox. Enter or leaving the box saves, Escape cancels; an unchanged value
// sends nothing, an empty one clears the description (InfluxDB allows it). Used in the list rows and in the drawer.
import { useQueryClient } from '@tanstack/react-query';
import {
  useEffect,
  useId,
  useRef,
  type ClipboardEvent,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
} from 'react';
import { PencilLine } from 'lucide-react';
import { useToast } from '../../../components/ui/toast-context';
import type { Authorization } from '../../../../core/influx-types';
import { findCachedToken } from '../api/token-cache';
import { useRenameToken } from '../api/use-rename-token';
import { failureReason } from '../model/failure-reason';
import { DESCRIPTION_MAX_LENGTH, tokenLabel } from '../../../lib/token-label';
import { useEditDraft, useEditDrafts } from './edit-drafts';
import './description-editor.css';

interface DescriptionEditorProps {
  token: Authorization;
  /** Separates the row's editor from the drawer's, e.g. "row:<id>". */
  draftKey: string;
  /** What shows when not editing (the description button or text). */
  children: ReactNode;
  className?: string;
}

/** What takes focus next: the box once the pencil opened it, the pencil once Enter or Escape closed the box. */
type FocusNext = RefObject<{ input: boolean; pencil: boolean }>;

export function DescriptionEditor({ token, draftKey, children, className = '' }: DescriptionEditorProps) {
  const [draft, setDraft] = useEditDraft(draftKey);
  const pencilRef = useRef<HTMLButtonElement>(null);
  const focusNextRef: FocusNext = useRef({ input: false, pencil: false });
  const editing = draft !== undefined;

  useEffect(() => {
    if (!editing && focusNextRef.current.pencil) {
      focusNextRef.current.pencil = false;
      pencilRef.current?.focus();
    }
  }, [editing]);

  if (editing) {
    return (
      <DescriptionBox
        token={token}
        draftKey={draftKey}
        draft={draft}
        setDraft={setDraft}
        focusNextRef={focusNextRef}
        className={className}
      />
    );
  }

  return (
    <div className={`description-editor ${className}`}>
      {children}
      <button
        ref={pencilRef}
        type="button"
        className="icon-btn description-editor__pencil"
        aria-label="Edit description"
        onClick={() => {
          focusNextRef.current.input = true;
          setDraft(token.description);
        }}
      >
        <PencilLine />
      </button>
    </div>
  );
}

interface DescriptionBoxProps extends Omit<DescriptionEditorProps, 'children'> {
  draft: string;
  setDraft: (value: string | undefined) => void;
  focusNextRef: FocusNext;
}

/**
 * The open textbox. Its save machinery (a mutation observer, the toast, the query client) is created only here,
 * for the one description being edited, not for each of the rows mounted while the list scrolls.
 */
function DescriptionBox({ token, draftKey, draft, setDraft, focusNextRef, className }: DescriptionBoxProps) {
  const drafts = useEditDrafts();
  const { mutateAsync: rename } = useRenameToken();
  const toast = useToast();
  const queryClient = useQueryClient();
  const inputRef = useRef<HTMLInputElement>(null);
  const counterId = useId();

  useEffect(() => {
    // Focus the box when the pencil opened it, or when a failed save reopened it and focus is nowhere;
    // never pull focus away from what the person is doing now.
    const input = inputRef.current;
    const idle = !document.activeElement || document.activeElement === document.body;
    if (input && (focusNextRef.current.input || idle)) {
      input.focus();
      if (focusNextRef.current.input) input.select();
    }
    focusNextRef.current.input = false;
  }, [focusNextRef]);

  /** Ends the edit once: the blur that follows Enter finds it already closed and sends nothing. */
  function finish(commit: boolean, returnFocus: boolean) {
    const typed = drafts.get(draftKey);
    if (typed === undefined) return;
    // One failure, one message: leaving the box with the text that just failed keeps it there unsent.
    if (commit && !returnFocus && typed === drafts.failedText(draftKey)) return;
    drafts.markFailed(draftKey, undefined);
    focusNextRef.current.pencil = returnFocus;
    setDraft(undefined);
    const trimmed = typed.trim();
    if (!commit || trimmed === token.description) return;
    const oldName = tokenLabel(findCachedToken(queryClient, token.id)?.description ?? token.description);
    // The promise settles even if this row has scrolled away and unmounted: a failure puts the text back in its box.
    rename({ id: token.id, description: trimmed }).catch((error: unknown) => {
      toast.show({
        tone: 'error',
        title: `Could not rename “${oldName}”: ${failureReason(error)}`,
        description: 'Your text is back in the box: press Enter to try again, or Escape to discard it.',
      });
      if (drafts.get(draftKey) === undefined) {
        drafts.markFailed(draftKey, typed);
        drafts.set(draftKey, typed);
      }
    });
  }

  /** The box keeps at most DESCRIPTION_MAX_LENGTH characters and the browser drops the rest of a paste: say so. */
  function onPaste(event: ClipboardEvent<HTMLInputElement>) {
    const box = event.currentTarget;
    // A one-line box drops line breaks from what is pasted.
    const pasted = event.clipboardData.getData('text/plain').replace(/[\r\n]/g, '').length;
    const kept = box.value.length - ((box.selectionEnd ?? box.value.length) - (box.selectionStart ?? box.value.length));
    const dropped = kept + pasted - DESCRIPTION_MAX_LENGTH;
    if (dropped <= 0) return;
    toast.show({
      id: `shortened:${draftKey}`,
      title: `Pasted text shortened to ${DESCRIPTION_MAX_LENGTH} characters`,
      description: `A description holds at most ${DESCRIPTION_MAX_LENGTH} characters: the last ${dropped} of what you pasted ${dropped === 1 ? 'was' : 'were'} left out.`,
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      finish(true, true);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      finish(false, true);
    }
  }

  return (
    <div className={`description-editor description-editor--editing ${className}`}>
      <input
        ref={inputRef}
        className="input description-editor__input"
        aria-label="Description"
        aria-describedby={counterId}
        placeholder="Describe this API token"
        maxLength={DESCRIPTION_MAX_LENGTH}
        value={draft}
        data-escape-cancels-edit=""
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
        onBlur={() => finish(true, false)}
      />
      <span id={counterId} className="description-editor__counter">
        {draft.length}/{DESCRIPTION_MAX_LENGTH}
        <span className="visually-hidden"> characters. Enter saves, Escape cancels.</span>
      </span>
    </div>
  );
}
