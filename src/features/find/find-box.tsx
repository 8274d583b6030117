// The header's search box: Enter opens /find?q=<text>, which searches every org of every connection. On /find it
// holds the text searched for, so the person can refine it.
import { useState, type FormEvent } from 'react';
import { useLocation, useNavigate } from 'react-router';
import './find-box.css';

export function FindBox() {
  const navigate = useNavigate();
  const location = useLocation();
  const searched = location.pathname === '/find' ? (new URLSearchParams(location.search).get('q') ?? '') : '';
  const [text, setText] = useState(searched);
  // A new search from elsewhere (back button, a link) shows its text; leaving /find keeps what was typed.
  const [shown, setShown] = useState(searched);
  if (searched !== shown) {
    setShown(searched);
    if (searched) setText(searched);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = text.trim();
    if (trimmed) navigate(`/find?${new URLSearchParams({ q: trimmed }).toString()}`);
  }

  return (
    <form role="search" className="find-box" onSubmit={submit}>
      <input
        type="search"
        className="find-box__input"
        aria-label="Find token by ID or description"
        placeholder="Find token by ID or description"
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
    </form>
  );
}
