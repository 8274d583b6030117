// Code a screen cannot do without, loaded on demand: a failed download is said (not an endless wait), and Retry
// downloads it again.
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { onDemand, useRequiredOnDemand } from './on-demand';

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
