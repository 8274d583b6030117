// A part whose code did not download says so (not an endless wait, not a blank page), and Retry downloads it again.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { lazyPart } from './lazy-part';

function Hello({ name }: { name: string; onClose?: () => void }) {
  return <p>Hello {name}</p>;
}

describe('lazyPart', () => {
  it('shows the part once its code has arrived', async () => {
    const Part = lazyPart('the greeting', async () => Hello);
    render(<Part name="Ada" />);
    expect(await screen.findByText('Hello Ada')).toBeInTheDocument();
  });

  it('says which part did not download, and Retry downloads it again', async () => {
    let attempts = 0;
    const Part = lazyPart('the greeting', async () => {
      attempts += 1;
      if (attempts === 1) throw new TypeError('Failed to fetch dynamically imported module');
      return Hello;
    });
    const onClose = vi.fn();
    // React reports the error it caught; the page says it in its own words.
    vi.spyOn(console, 'error').mockImplementation(() => {});
    render(<Part name="Ada" onClose={onClose} />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not open the greeting: its code did not download.');

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledOnce();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Hello Ada')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(attempts).toBe(2);
    vi.restoreAllMocks();
  });

  it('renders a preloaded part at once, never showing the fallback in its place', async () => {
    const load = vi.fn(async () => Hello);
    const Part = lazyPart('the greeting', load, () => <p>waiting</p>);
    Part.preload();
    expect(load).toHaveBeenCalledOnce();
    await vi.waitFor(() => expect(load.mock.results[0]?.value).resolves.toBe(Hello));
    await Promise.resolve();
    render(<Part name="Ada" />);
    // In the very first commit: a fallback here would have taken the place (and the focus) of what it stands for.
    expect(screen.getByText('Hello Ada')).toBeInTheDocument();
    expect(screen.queryByText('waiting')).toBeNull();
  });

  it('shows the fallback while a part that was not preloaded downloads', async () => {
    const Part = lazyPart(
      'the greeting',
      async () => Hello,
      () => <p>waiting</p>,
    );
    render(<Part name="Ada" />);
    expect(screen.getByText('waiting')).toBeInTheDocument();
    expect(await screen.findByText('Hello Ada')).toBeInTheDocument();
  });
});
