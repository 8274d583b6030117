// The pencil: turns a description into a textbox. Enter or leaving the box saves, Escape cancels;
// an unchanged or empty value sends nothing. Used in the list rows and in the drawer.
import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { PencilIcon } from '../../../components/ui/icons';
import type { Authorization } from '../../../../core/influx-types';
import { DESCRIPTION_MAX_LENGTH } from '../model/token-label';
import { useEditDraft, useEditDrafts } from './edit-drafts';
import { useSaveDescription } from './use-save-description';
import './description-editor.css';

interface DescriptionEditorProps {
  token: Authorization;
  /** Separates the row's editor from the drawer's, e.g. "row:<id>". */
  draftKey: string;
  /** What shows when not editing (the description button or text). */
  children: ReactNode;
  className?: string;
}

export function DescriptionEditor({ token, draftKey, children, className = '' }: DescriptionEditorProps) {
  const [draft, setDraft] = useEditDraft(draftKey);
  const pencilRef = useRef<HTMLButtonElement>(null);
  const focusPencilNext = useRef(false);
  const focusInputNext = useRef(false);
  const editing = draft !== undefined;

  useEffect(() => {
    if (!editing && focusPencilNext.current) {
      focusPencilNext.current = false;
      pencilRef.current?.focus();
    }
  }, [editing]);

  function open() {
    focusInputNext.current = true;
    setDraft(token.description);
  }

  if (editing) {
    return (
      <DescriptionBox
        token={token}
        draftKey={draftKey}
        draft={draft}
        setDraft={setDraft}
        focusInputNextRef={focusInputNext}
        focusPencilNextRef={focusPencilNext}
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
        onClick={open}
      >
        <PencilIcon />
      </button>
    </div>
  );
}

interface DescriptionBoxProps {
  token: Authorization;
  draftKey: string;
  draft: string;
  setDraft: (value: string | undefined) => void;
  /** The pencil opened the box (focus and select it), and the pencil gets focus back when it closes. */
  focusInputNextRef: RefObject<boolean>;
  focusPencilNextRef: RefObject<boolean>;
  className: string;
}

/**
 * The open textbox. Its save machinery (a mutation observer, the toast, the query client) is created only here,
 * for the one description being edited, not for each of the rows mounted while the list scrolls.
 */
function DescriptionBox({
  token,
  draftKey,
  draft,
  setDraft,
  focusInputNextRef,
  focusPencilNextRef,
  className,
}: DescriptionBoxProps) {
  const drafts = useEditDrafts();
  const save = useSaveDescription();
  const inputRef = useRef<HTMLInputElement>(null);
  const counterId = useId();

  useEffect(() => {
    // Focus the box when the pencil opened it, or when a failed save reopened it and focus is nowhere;
    // never pull focus away from what the person is doing now.
    const input = inputRef.current;
    const idle = !document.activeElement || document.activeElement === document.body;
    if (input && (focusInputNextRef.current || idle)) {
      input.focus();
      if (focusInputNextRef.current) input.select();
    }
    focusInputNextRef.current = false;
  }, [focusInputNextRef]);

  /** Ends the edit once: the blur that follows Enter finds it already closed and sends nothing. */
  function finish(commit: boolean, returnFocus: boolean) {
    const typed = drafts.get(draftKey);
    if (typed === undefined) return;
    // One failure, one message: leaving the box with the text that just failed keeps it there unsent.
    if (commit && !returnFocus && typed === drafts.failedText(draftKey)) return;
    drafts.markFailed(draftKey, undefined);
    focusPencilNextRef.current = returnFocus;
    setDraft(undefined);
    if (!commit) return;
    const trimmed = typed.trim();
    if (trimmed === '' || trimmed === token.description) return;
    save(token, typed, draftKey);
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
        onBlur={() => finish(true, false)}
      />
      <span id={counterId} className="description-editor__counter">
        {draft.length}/{DESCRIPTION_MAX_LENGTH}
        <span className="visually-hidden"> characters. Enter saves, Escape cancels.</span>
      </span>
    </div>
  );
}
