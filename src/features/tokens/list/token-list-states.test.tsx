import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeInflux } from '../../../testing/fake-influx';
import { renderApp } from '../../../testing/render-app';
import { makeToken } from '../../../testing/token-factory';

describe('list states', () => {
  it('says when the org has no tokens', async () => {
    new FakeInflux({ tokens: [] });
    renderApp();
    expect(await screen.findByRole('heading', { name: "Looks like there aren't any API tokens yet" })).toBeVisible();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('shows a loading state until the tokens arrive', async () => {
    new FakeInflux({ tokens: [makeToken({ description: 'slow one' })] });
    renderApp();
    expect(await screen.findByText('Loading tokens…')).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'slow one' })).toBeInTheDocument();
    expect(screen.queryByText('Loading tokens…')).not.toBeInTheDocument();
  });

  it('says when nothing matches, and "Clear filters" brings every token back', async () => {
    new FakeInflux({ tokens: [makeToken({ description: 'alpha' }), makeToken({ description: 'beta' })] });
    const { user, url } = renderApp('/tokens?q=zzz&status=inactive&sort=created&dir=desc');
    expect(await screen.findByRole('heading', { name: 'No API tokens match your filters' })).toBeVisible();
    expect(screen.getByText('0 of 2 tokens')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(await screen.findByRole('button', { name: 'alpha' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'beta' })).toBeInTheDocument();
    expect(url()).toBe('/tokens?sort=created&dir=desc');
    expect(screen.getByRole('searchbox', { name: 'Filter tokens' })).toHaveValue('');
  });

  it("shows the server's message when loading fails, and Retry loads the list", async () => {
    const fake = new FakeInflux({ tokens: [makeToken({ description: 'back again' })] });
    fake.failNext(
      'GET',
      502,
      'InfluxDB at http://127.0.0.1:8086 is unreachable: connection refused',
      /authorizations$/,
    );
    const { user } = renderApp();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load API tokens');
    expect(alert).toHaveTextContent('InfluxDB at http://127.0.0.1:8086 is unreachable: connection refused');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('button', { name: 'back again' })).toBeInTheDocument();
  });

  it('shows why the org could not be resolved', async () => {
    new FakeInflux({ tokens: [], config: { org: 'other-org' } });
    renderApp();
    expect(await screen.findByRole('alert')).toHaveTextContent('organization name "other-org" not found');
  });

  it('reflects changes made elsewhere when the window regains focus', async () => {
    const fake = new FakeInflux({ tokens: [makeToken({ id: 'aaaaaaaaaaaaaaa1', description: 'before' })] });
    const { queryClient } = renderApp();
    await screen.findByRole('button', { name: 'before' });
    fake.tokens[0]!.description = 'renamed in the CLI';
    fake.tokens[0]!.status = 'inactive';
    // Data older than the list's staleTime, then the tab becomes visible again.
    for (const query of queryClient.getQueryCache().findAll({ queryKey: ['tokens', 'list'] })) {
      query.setState({ dataUpdatedAt: Date.now() - 60_000 });
    }
    window.dispatchEvent(new Event('visibilitychange'));
    const renamed = await screen.findByRole('button', { name: 'renamed in the CLI' });
    await waitFor(() => expect(renamed.closest('[role="row"]')).toHaveTextContent('Inactive'));
  });
});
