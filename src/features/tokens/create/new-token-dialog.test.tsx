import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeToken } from '../../../testing/token-factory';
import { NewTokenDialog } from './new-token-dialog';

const SECRET = 'bmV3LXRva2VuLXN0cmluZy1mb3ItdGhlLXRlc3Qtb2YtdGhlLXNob3ctb25jZS1kaWFsb2ctYWJjZGVmZ2hpams=';

function setup() {
  const onClose = vi.fn();
  const user = userEvent.setup();
  render(
    <NewTokenDialog
      token={makeToken({ description: 'ci writer', token: SECRET })}
      origin="created"
      onClose={onClose}
    />,
  );
  const dialog = screen.getByRole('dialog', { name: /API token created/ });
  const field = within(dialog).getByRole('textbox', { name: 'Token for “ci writer”' }) as HTMLTextAreaElement;
  return { user, onClose, dialog, field };
}

/** Replaces (or removes, with undefined) the async Clipboard API; call after userEvent.setup(), which installs its own. */
function useClipboard(clipboard: { writeText: (text: string) => Promise<void> } | undefined) {
  Object.defineProperty(navigator, 'clipboard', { value: clipboard, configurable: true });
}

/** document.execCommand('copy') that records the selected text of the focused field and answers `works`. */
function useExecCommand(works: boolean) {
  const copied: string[] = [];
  const execCommand = vi.fn((command: string) => {
    const field = document.activeElement as HTMLTextAreaElement;
    if (command === 'copy') copied.push(field.value.slice(field.selectionStart, field.selectionEnd));
    return works;
  });
  Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true });
  return { execCommand, copied };
}

afterEach(() => {
  Reflect.deleteProperty(navigator, 'clipboard');
  Reflect.deleteProperty(document, 'execCommand');
});

describe('the new token, shown once', { timeout: 20_000 }, () => {
  it('shows the token read-only and selected, with the warning', () => {
    const { dialog, field } = setup();
    expect(dialog).toHaveTextContent("Make sure to copy your new API token now. You won't be able to see it again!");
    expect(field).toHaveValue(SECRET);
    expect(field).toHaveAttribute('readonly');
    expect(field).toHaveFocus();
    expect([field.selectionStart, field.selectionEnd]).toEqual([0, SECRET.length]);
  });

  it('copies with the Clipboard API when it is there, and then closes without asking', async () => {
    const { user, onClose, dialog } = setup();
    const writeText = vi.fn().mockResolvedValue(undefined);
    useClipboard({ writeText });
    const { execCommand } = useExecCommand(true);
    await user.click(within(dialog).getByRole('button', { name: 'Copy to clipboard' }));
    expect(writeText).toHaveBeenCalledWith(SECRET);
    expect(execCommand).not.toHaveBeenCalled();
    expect(await within(dialog).findByText('Copied to the clipboard.')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
  });

  it('falls back to selecting the field and execCommand when the Clipboard API is missing', async () => {
    const { user, dialog } = setup();
    useClipboard(undefined);
    const { copied } = useExecCommand(true);
    await user.click(within(dialog).getByRole('button', { name: 'Copy to clipboard' }));
    expect(copied).toEqual([SECRET]);
    expect(await within(dialog).findByText('Copied to the clipboard.')).toBeInTheDocument();
  });

  it('falls back to execCommand when the Clipboard API refuses', async () => {
    const { user, dialog } = setup();
    const writeText = vi.fn().mockRejectedValue(new DOMException('Write permission denied.', 'NotAllowedError'));
    useClipboard({ writeText });
    const { copied } = useExecCommand(true);
    await user.click(within(dialog).getByRole('button', { name: 'Copy to clipboard' }));
    expect(writeText).toHaveBeenCalled();
    expect(copied).toEqual([SECRET]);
    expect(await within(dialog).findByText('Copied to the clipboard.')).toBeInTheDocument();
  });

  it('when both ways fail, says to copy by hand with the token selected, and closing asks first', async () => {
    const { user, onClose, dialog, field } = setup();
    useClipboard({ writeText: vi.fn().mockRejectedValue(new Error('denied')) });
    useExecCommand(false);
    await user.click(within(dialog).getByRole('button', { name: 'Copy to clipboard' }));
    expect(await within(dialog).findByRole('status')).toHaveTextContent(
      'This browser did not let the page copy. The token is selected: press Ctrl+C (⌘C on a Mac) to copy it.',
    );
    expect(field).toHaveFocus();
    expect([field.selectionStart, field.selectionEnd]).toEqual([0, SECRET.length]);

    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    const ask = await screen.findByRole('alertdialog', { name: "You haven't copied this token. Close anyway?" });
    await user.click(within(ask).getByRole('button', { name: 'Go back' }));
    expect(onClose).not.toHaveBeenCalled();
    expect(screen.getByRole('dialog', { name: /API token created/ })).toBeInTheDocument();

    await user.keyboard('{Escape}');
    const again = await screen.findByRole('alertdialog', { name: "You haven't copied this token. Close anyway?" });
    await user.click(within(again).getByRole('button', { name: 'Close anyway' }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('counts a copy by hand (Ctrl+C in the field) as copied', async () => {
    const { user, onClose, dialog, field } = setup();
    fireEvent.copy(field);
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});

describe('the replacement made by Rotate', { timeout: 20_000 }, () => {
  function setupRotated() {
    const onClose = vi.fn();
    const onRetire = vi.fn();
    const user = userEvent.setup();
    const old = makeToken({ description: 'ci writer' });
    render(
      <NewTokenDialog
        token={makeToken({ description: `ci writer (replaces ${old.id})`, token: SECRET })}
        origin="rotated"
        replaces={old}
        onRetire={onRetire}
        onClose={onClose}
      />,
    );
    const dialog = screen.getByRole('dialog', { name: 'Replacement created: copy it now' });
    return { user, onClose, onRetire, dialog };
  }

  it('deactivates the old token only when the person says the new one is in place, past the copy guard', async () => {
    const { user, onClose, onRetire, dialog } = setupRotated();
    expect(dialog).toHaveTextContent('“ci writer” is still active.');
    await user.click(within(dialog).getByRole('button', { name: 'New token is in place: deactivate old' }));
    // Not copied yet: asked first, and going back changes nothing.
    const guard = screen.getByRole('alertdialog', { name: "You haven't copied this token. Close anyway?" });
    await user.click(within(guard).getByRole('button', { name: 'Go back' }));
    expect(onRetire).not.toHaveBeenCalled();
    expect(onClose).not.toHaveBeenCalled();

    fireEvent.copy(within(dialog).getByRole('textbox', { name: /Token for/ }));
    await user.click(within(dialog).getByRole('button', { name: 'New token is in place: deactivate old' }));
    expect(onRetire).toHaveBeenCalledTimes(1);
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('"Keep old token active" closes without touching the old one', async () => {
    const { user, onClose, onRetire, dialog } = setupRotated();
    fireEvent.copy(within(dialog).getByRole('textbox', { name: /Token for/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Keep old token active' }));
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(onRetire).not.toHaveBeenCalled();
  });
});
