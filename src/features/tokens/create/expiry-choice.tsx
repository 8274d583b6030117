// When a token expires: in 7, 30 or 90 days, on a date and time, or never. Used by the Generate dialogs and the
// drawer; the caller holds the choice (it is a form draft, kept when a save fails) and says what is wrong with it.
import { useId } from 'react';
import { useNow } from '../../../lib/use-now';
import { timeZoneName } from '../../../lib/format-time';
import { presetDays, toLocalInputValue, type ExpiryDraft, type ExpiryPreset } from '../model/expiry';
import './expiry-choice.css';

interface ExpiryChoiceProps {
  draft: ExpiryDraft;
  onChange: (draft: ExpiryDraft) => void;
  /** MAX_TOKEN_LIFETIME in days: longer presets and "Never" are not offered. */
  maxLifetimeDays: number | null;
  /** Why the choice cannot be used (shown under it, and read with it). */
  error?: string | null;
  disabled?: boolean;
  legend?: string;
  /** Read with the choice: e.g. that InfluxDB itself does not enforce it. */
  help?: string;
}

export function ExpiryChoice({
  draft,
  onChange,
  maxLifetimeDays,
  error,
  disabled = false,
  legend = 'Expiry',
  help,
}: ExpiryChoiceProps) {
  const id = useId();
  const describedBy = [help && `${id}-help`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  const option = (preset: ExpiryPreset, label: string) => (
    <label className="expiry-choice__option">
      <input
        type="radio"
        name={`${id}-preset`}
        checked={draft.preset === preset}
        onChange={() => onChange({ ...draft, preset })}
      />
      {label}
    </label>
  );
  return (
    <fieldset className="expiry-choice" disabled={disabled} aria-describedby={describedBy}>
      <legend className="field-label">{legend}</legend>
      {help && (
        <p className="field-help expiry-choice__help" id={`${id}-help`}>
          {help}
        </p>
      )}
      <div className="expiry-choice__options">
        {presetDays(maxLifetimeDays).map((days) => (
          <span key={days}>{option(`days:${days}`, `In ${days} days`)}</span>
        ))}
        {option('date', 'On a date')}
        {maxLifetimeDays === null && option('never', 'Never')}
      </div>
      {draft.preset === 'date' && (
        <ExpiryDateField
          id={id}
          label="Expires at"
          value={draft.date}
          error={error}
          onChange={(date) => onChange({ ...draft, date })}
        />
      )}
      {error && (
        <p className="expiry-choice__error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}

interface ExpiryDateFieldProps {
  /** The fieldset's id: the field is `${id}-date`, its error `${id}-error`. */
  id: string;
  /** "Expires at": the browser's time zone is added. */
  label: string;
  value: string;
  error?: string | null;
  onChange: (date: string) => void;
}

/** A moment in the browser's time zone, no earlier than now; the choice shows its error (`${id}-error`) below. */
export function ExpiryDateField({ id, label, value, error, onChange }: ExpiryDateFieldProps) {
  const now = useNow();
  return (
    <div className="expiry-choice__date">
      <label className="field-label" htmlFor={`${id}-date`}>
        {label} ({timeZoneName() || 'your time'})
      </label>
      <input
        id={`${id}-date`}
        type="datetime-local"
        className="input"
        value={value}
        min={toLocalInputValue(now)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}
