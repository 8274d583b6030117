// The race behind e2e keyboard.spec.ts ending on "?q=legraf": each keystroke updates the URL in a transition, and
// the next keystroke can interrupt that transition's render after the box has already rendered in it. React then
// renders the keystroke with the location still committed (the older one). The box took that for a back/forward
// navigation and replaced what was typed with the older URL text. Deterministic here: the URL update's render is
// slow (parts of the page that take a while), and the next keystroke is dispatched exactly where React yields.
import { render, screen } from '@testing-library/react';
import { MemoryRouter, useSearchParams } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FilterBox } from './filter-box';

const flags = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
let actEnvironment: boolean | undefined;
beforeEach(() => {
  // React's scheduler runs for real (time slicing, yields, interruptions) instead of act() flushing everything.
  actEnvironment = flags.IS_REACT_ACT_ENVIRONMENT;
  flags.IS_REACT_ACT_ENVIRONMENT = false;
});
afterEach(() => {
  flags.IS_REACT_ACT_ENVIRONMENT = actEnvironment;
});

/** Letters still to type, one sent from inside each URL update's render. */
let pending: string[] = [];

function box(): HTMLInputElement {
  return screen.getByRole<HTMLInputElement>('searchbox', { name: 'Filter tokens' });
}

/** A keystroke as the browser delivers it: the value changes, then an input event (no act(), no flushing). */
function type(letter: string) {
  const input = box();
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, input.value + letter);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

/** A slow part of the page; the first one sends the next letter when React yields after rendering it. */
function SlowPart({ q, first }: { q: string; first?: boolean }) {
  if (first && q !== '' && q === box().value) {
    const letter = pending.shift();
    if (letter) queueMicrotask(() => type(letter));
  }
  const until = performance.now() + 8;
  while (performance.now() < until) {
    // Busy, as a long list re-rendering for a new filter.
  }
  return null;
}

function Page() {
  // As the tokens page does: the filter lives in the URL query; the router applies each change in a transition.
  const [searchParams, setSearchParams] = useSearchParams();
  const q = searchParams.get('q') ?? '';
  return (
    <>
      <FilterBox value={q} onChange={(text) => setSearchParams({ q: text }, { replace: q !== '' && text !== '' })} />
      <SlowPart q={q} first />
      <SlowPart q={q} />
      <SlowPart q={q} />
      <output aria-label="URL filter">{q}</output>
    </>
  );
}

describe('FilterBox while URL updates are still rendering', () => {
  it('keeps every keystroke, in the box and then in the URL', async () => {
    render(
      <MemoryRouter>
        <Page />
      </MemoryRouter>,
    );
    box().focus();
    pending = [...'elegraf'];
    type('t');
    const url = () => screen.getByLabelText('URL filter').textContent;
    // Every letter sent, the box holding all of them, and the URL caught up with it.
    await expect
      .poll(() => ({ box: box().value, url: url(), unsent: pending.join('') }), { timeout: 10_000 })
      .toEqual({ box: 'telegraf', url: 'telegraf', unsent: '' });
  }, 15_000);
});
