// A Radix Switch with a visible label: the label is the switch's accessible name.
import * as Switch from '@radix-ui/react-switch';
import { useId } from 'react';
import './switch-field.css';

interface SwitchFieldProps {
  label: string;
  checked: boolean;
  onCheckedChange: (checked: boolean) => void;
  /** Text beside the switch that says the state in words, not only by colour. */
  stateText?: string;
}

export function SwitchField({ label, checked, onCheckedChange, stateText }: SwitchFieldProps) {
  const id = useId();
  return (
    <div className="switch-field">
      <label className="switch-field__label" htmlFor={id}>
        {label}
      </label>
      <Switch.Root id={id} className="switch" checked={checked} onCheckedChange={onCheckedChange}>
        <Switch.Thumb className="switch__thumb" />
      </Switch.Root>
      {stateText && (
        <span className="switch-field__state" aria-hidden="true">
          {stateText}
        </span>
      )}
    </div>
  );
}
