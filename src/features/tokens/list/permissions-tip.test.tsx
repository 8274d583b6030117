// The permission tooltip, focused by keyboard: the scroll that focus causes does not close it, and the watch for that
// scroll ends by itself, even when the page is gone by then (a closed test page once threw from such a timer).
import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bucketPermission, makeToken } from '../../../testing/token-factory';
import { PermissionsTip } from './permissions-tip';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('PermissionsTip', () => {
  const token = makeToken({ permissions: [bucketPermission('write', '0000000000000b01', 'telegraf')] });

  it('stays open through the scroll its focus causes', () => {
    vi.useFakeTimers();
    render(<PermissionsTip token={token} start="focus" />);
    // Focus was on the plain summary, which gave way to this one: it takes the focus over.
    expect(screen.getByRole('button')).toHaveFocus();
    expect(screen.getByRole('tooltip')).toHaveTextContent('telegraf');
    // The page scrolls to bring the focused summary into view (Radix closes a tooltip whose page scrolls).
    act(() => {
      document.dispatchEvent(new Event('scroll'));
    });
    expect(screen.getByRole('tooltip')).toHaveTextContent('telegraf');
    // A scroll later is the person's: it closes the tooltip, as Radix does.
    act(() => vi.advanceTimersByTime(400));
    act(() => {
      document.dispatchEvent(new Event('scroll'));
    });
    expect(screen.queryByRole('tooltip')).toBeNull();
  });

  it('stops watching for that scroll 400 ms after focus, without the global window', () => {
    vi.useFakeTimers();
    const view = window;
    const removed = vi.spyOn(view, 'removeEventListener');
    const { unmount } = render(<PermissionsTip token={token} start="focus" />);
    act(() => screen.getByRole('button').focus());
    // What ends a test file: the page is unmounted, then its window goes.
    unmount();
    vi.advanceTimersByTime(1); // the page's own last events (jsdom's selectionchange), while it still has a window
    vi.stubGlobal('window', undefined);
    expect(() => vi.advanceTimersByTime(400)).not.toThrow();
    vi.unstubAllGlobals();
    expect(removed).toHaveBeenCalledWith('scroll', expect.any(Function), { capture: true });
  });
});
