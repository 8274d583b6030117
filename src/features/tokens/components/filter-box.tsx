// The text filter. It keeps its own text so typing is never held up by the URL (router updates run
// in transitions); text coming from the URL (back button, "Clear filters") replaces it.
import { forwardRef, useState } from 'react';
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
  /** Values typed here that the URL may still show on its way to `text`. */
  typed: string[];
}

export const FilterBox = forwardRef<HTMLInputElement, FilterBoxProps>(function FilterBox({ value, onChange }, ref) {
  const [state, setState] = useState<FilterState>({ text: value, seen: value, typed: [] });
  let current = state;
  if (value !== state.seen) {
    const echo = value === state.text || state.typed.includes(value);
    current = echo
      ? { text: state.text, seen: value, typed: value === state.text ? [] : state.typed }
      : { text: value, seen: value, typed: [] };
    setState(current);
  }

  return (
    <div className="filter-box">
      <SearchIcon />
      <input
        ref={ref}
        type="search"
        className="input filter-box__input"
        aria-label="Filter tokens"
        placeholder="Filter by description, ID or owner…"
        autoComplete="off"
        spellCheck={false}
        value={current.text}
        onChange={(event) => {
          const text = event.target.value;
          setState((s) => ({ ...s, text, typed: [...s.typed.slice(-20), text] }));
          onChange(text);
        }}
      />
    </div>
  );
});
