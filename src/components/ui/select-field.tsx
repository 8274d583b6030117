// A native select with its visible label (the select's accessible name) and, optionally, a line of help under it.
import { useId, type ReactNode } from 'react';

interface SelectFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The <option> and <optgroup> elements. */
  children: ReactNode;
  help?: ReactNode;
  className?: string;
}

export function SelectField({ label, value, onChange, children, help, className }: SelectFieldProps) {
  const id = useId();
  return (
    <div className={className}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="select"
        value={value}
        aria-describedby={help ? `${id}-help` : undefined}
        onChange={(event) => onChange(event.target.value)}
      >
        {children}
      </select>
      {help && (
        <p className="field-help" id={`${id}-help`}>
          {help}
        </p>
      )}
    </div>
  );
}
