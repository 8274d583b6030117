// The bulk question where the page cannot tell which token it runs on: the tokens that may be it stay out of a
// bulk Deactivate or Delete unless ticked in.
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { makeToken } from '../../../testing/token-factory';
import { BulkMaybeOwnTokenDialog } from './bulk-maybe-own-dialog';

describe('BulkMaybeOwnTokenDialog', () => {
  const candidates = [makeToken({ description: 'admin all access' }), makeToken({ description: 'admin ops' })];

  it('leaves the tokens that may be the page’s own out unless ticked in', async () => {
    const user = userEvent.setup();
    const onContinue = vi.fn();
    render(
      <BulkMaybeOwnTokenDialog
        action="delete"
        candidates={candidates}
        others={3}
        onContinue={onContinue}
        onClose={() => {}}
      />,
    );
    const ask = await screen.findByRole('alertdialog', { name: 'This may be the token this console uses' });
    expect(ask).toHaveTextContent('“admin all access”, “admin ops”');
    await user.click(within(ask).getByRole('checkbox', { name: /Also delete them/ }));
    await user.click(within(ask).getByRole('checkbox', { name: /Also delete them/ }));
    await user.click(within(ask).getByRole('button', { name: 'Continue with 3 tokens' }));
    expect(onContinue).toHaveBeenCalledWith(false);

    onContinue.mockClear();
    await user.click(within(ask).getByRole('checkbox', { name: /Also delete them/ }));
    await user.click(within(ask).getByRole('button', { name: 'Continue with 5 tokens' }));
    expect(onContinue).toHaveBeenCalledWith(true);
  });

  it('with nothing else selected, leaving them out does nothing', async () => {
    const user = userEvent.setup();
    const onContinue = vi.fn();
    const onClose = vi.fn();
    render(
      <BulkMaybeOwnTokenDialog
        action="deactivate"
        candidates={candidates.slice(0, 1)}
        others={0}
        onContinue={onContinue}
        onClose={onClose}
      />,
    );
    await user.click(await screen.findByRole('button', { name: 'Leave it out (nothing else to do)' }));
    expect(onContinue).not.toHaveBeenCalled();
    expect(onClose).toHaveBeenCalled();
  });
});
