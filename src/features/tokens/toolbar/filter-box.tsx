// The text filter. While a person is typing in it, its own text is the truth: URL updates run in transitions and
// can land late or out of order under load, so they must never overwrite keystrokes. Text from the URL is taken
// when the change comes from elsewhere: after focus left the box ("Clear filters") or on back/forward (a POP).
import { forwardRef, useLayoutEffect, useRef, useState } from 'react';
import { useLocation, useNavigationType } from 'react-router';
import { Search } from 'lucide-react';

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
}

export const FilterBox = forwardRef<HTMLInputElement, FilterBoxProps>(function FilterBox({ value, onChange }, ref) {
  const navigationType = useNavigationType();
  const location = useLocation();
  const [state, setState] = useState<FilterState>({ text: value, seen: value, typing: false });
  /** Takes this render's URL value into a state: its text only when the person is not typing. */
  const takeUrl = (s: FilterState): FilterState => {
    if (value === s.seen) return s;
    return s.typing ? { ...s, seen: value } : { ...s, text: value, seen: value };
  };
  const current = takeUrl(state);
  // As an update function, never as a value: a URL update renders in a transition that React may set aside (a
  // keystroke interrupts it) while this update stays queued; it must not carry that render's view of the state.
  if (current !== state) setState(takeUrl);

  // Back/forward is judged on committed locations only. A render may show an older location than the last one
  // rendered (an interrupted transition), which looked like a POP and dropped the keystrokes ("?q=legraf").
  const committedKey = useRef(location.key);
  useLayoutEffect(() => {
    if (committedKey.current === location.key) return;
    committedKey.current = location.key;
    if (navigationType === 'POP') setState({ text: value, seen: value, typing: false });
  }, [location.key, navigationType, value]);

  return (
    <div className="filter-box">
      <Search />
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
