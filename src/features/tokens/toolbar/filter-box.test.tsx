import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { MemoryRouter, useNavigate, type NavigateFunction } from 'react-router';
import { describe, expect, it } from 'vitest';
import { FilterBox } from './filter-box';

/** Holds the "URL" value apart from the box, so a test can deliver URL updates late, out of order, or not at all. */
function Harness({ onReady }: { onReady: (setUrl: (value: string) => void, navigate: NavigateFunction) => void }) {
  const [url, setUrl] = useState('');
  onReady(setUrl, useNavigate());
  return (
    <>
      <FilterBox value={url} onChange={() => {}} />
      <button type="button">elsewhere</button>
    </>
  );
}

function setup() {
  let setUrl: (value: string) => void = () => {};
  let navigate: NavigateFunction = () => {};
  const element = (
    <Harness
      onReady={(fn, nav) => {
        setUrl = fn;
        navigate = nav;
      }}
    />
  );
  // The app's router: declarative mode, URL changes applied in transitions.
  render(<MemoryRouter initialEntries={['/a', '/b']}>{element}</MemoryRouter>);
  return {
    box: screen.getByRole('searchbox', { name: 'Filter tokens' }),
    setUrl: (v: string) => act(() => setUrl(v)),
    back: () => act(async () => void (await navigate(-1))),
  };
}

describe('FilterBox', () => {
  it('keeps what is being typed when a stale URL value arrives late (slow router under load)', async () => {
    const user = userEvent.setup();
    const { box, setUrl } = setup();
    await user.type(box, 'tele');
    setUrl('t');
    setUrl(''); // an old navigation landing after newer ones
    await user.type(box, 'graf');
    expect(box).toHaveValue('telegraf');
  });

  it('takes the URL value when the change comes from elsewhere (Clear filters, back button)', async () => {
    const user = userEvent.setup();
    const { box, setUrl } = setup();
    await user.type(box, 'ci');
    await user.click(screen.getByRole('button', { name: 'elsewhere' }));
    setUrl('ci');
    setUrl('');
    expect(box).toHaveValue('');
  });

  it('follows the back button even while the box has focus', async () => {
    const user = userEvent.setup();
    const { box, setUrl, back } = setup();
    await user.type(box, 'writer');
    setUrl('writer');
    await back();
    setUrl('old');
    expect(box).toHaveValue('old');
  });
});
