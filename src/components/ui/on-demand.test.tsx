// Code a screen cannot do without, loaded on demand: a failed download is said (not an endless wait), and Retry
// downloads it again. Preloads run one per idle period, in order, and stop quietly when the page is gone.
import { act, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { onDemand, preloadWhenIdle, useRequiredOnDemand } from './on-demand';

describe('useRequiredOnDemand', () => {
  it('gives the module once it has arrived', async () => {
    const module = onDemand(async () => ({ name: 'list' }));
    const { result } = renderHook(() => useRequiredOnDemand(module));
    expect(result.current.value).toBeUndefined();
    await waitFor(() => expect(result.current.value).toEqual({ name: 'list' }));
    expect(result.current.failed).toBe(false);
  });

  it('says a failed download failed, and Retry downloads it again', async () => {
    let attempts = 0;
    const module = onDemand(async () => {
      attempts += 1;
      if (attempts === 1) throw new TypeError('Failed to fetch dynamically imported module');
      return { name: 'list' };
    });
    const { result } = renderHook(() => useRequiredOnDemand(module));
    await waitFor(() => expect(result.current.failed).toBe(true));
    expect(result.current.value).toBeUndefined();

    act(() => result.current.retry());
    expect(result.current.failed).toBe(false);
    await waitFor(() => expect(result.current.value).toEqual({ name: 'list' }));
    expect(result.current.failed).toBe(false);
    expect(attempts).toBe(2);
  });
});

describe('preloadWhenIdle', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('runs one preload per idle period, in the order asked', async () => {
    vi.useFakeTimers();
    const ran: string[] = [];
    for (const name of ['generate', 'custom', 'bulk']) preloadWhenIdle(() => ran.push(name));
    expect(ran).toEqual([]);
    for (const expected of [['generate'], ['generate', 'custom'], ['generate', 'custom', 'bulk']]) {
      await vi.advanceTimersToNextTimerAsync();
      expect(ran).toEqual(expected);
    }
    expect(vi.getTimerCount()).toBe(0);
  });

  it('stops quietly, running nothing more, when the page is gone before the next idle period', async () => {
    // What failed a CI run: a test file's jsdom window closed with preloads still waiting, and the next wait's end
    // read the global `window` that no longer existed (an uncaught ReferenceError outside any test).
    vi.useFakeTimers();
    const ran: string[] = [];
    for (const name of ['generate', 'custom', 'bulk']) preloadWhenIdle(() => ran.push(name));
    await vi.advanceTimersToNextTimerAsync();
    expect(ran).toEqual(['generate']);

    vi.stubGlobal('window', undefined);
    await vi.advanceTimersToNextTimerAsync();
    expect(ran).toEqual(['generate']);
    expect(vi.getTimerCount()).toBe(0);

    // A page that comes back starts a fresh queue: the dropped preload is not run late.
    vi.unstubAllGlobals();
    preloadWhenIdle(() => ran.push('export'));
    await vi.advanceTimersToNextTimerAsync();
    expect(ran).toEqual(['generate', 'export']);
  });
});
