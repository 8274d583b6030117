// The text filter. While a person is typing in it, its own text is the truth: URL updates run in transitions and
// can land late or out of order under load, so they must never overwrite keystrokes. Text from the URL is taken
// when the change comes from elsewhere: after focus left the box ("Clear filters") or on back/forward (a POP).
import { forwardRef, useState } from 'react';
import { useLocation, useNavigationType } from 'react-router';
import { SearchIcon } from '../../../components/ui/icons';

interface FilterBoxProps {
  /** The filter as the URL has it. */
  value: string;
  onChange: (value: string) => void;
}

interface FilterState {
  text: string;
  /** The URL value this state last took into account. */
  seen: string;
  /** True from the first keystroke until focus leaves the box or the person navigates back or forward. */
  typing: boolean;
  /** The location this state last took into account. */
  locationKey: string;
}

export const FilterBox = forwardRef<HTMLInputElement, FilterBoxProps>(function FilterBox({ value, onChange }, ref) {
  const navigationType = useNavigationType();
  const location = useLocation();
  const [state, setState] = useState<FilterState>({ text: value, seen: value, typing: false, locationKey: location.key });
  let current = state;
  if (location.key !== state.locationKey) {
    current = { ...current, locationKey: location.key, typing: current.typing && navigationType !== 'POP' };
  }
  if (value !== current.seen) {
    current = current.typing ? { ...current, seen: value } : { ...current, text: value, seen: value };
  }
  if (current !== state) setState(current);

  return (
    <div className="filter-box">
      <SearchIcon />
      <input
        ref={ref}
        type="search"
        aria-keyshortcuts="/"
        className="input filter-box__input"
        aria-label="Filter tokens"
        placeholder="Filter by description, ID or owner…"
        autoComplete="off"
        spellCheck={false}
        value={current.text}
        onChange={(event) => {
          const text = event.target.value;
          setState((s) => ({ ...s, text, typing: true }));
          onChange(text);
        }}
        onBlur={() => setState((s) => (s.typing ? { ...s, typing: false } : s))}
      />
    </div>
  );
});
