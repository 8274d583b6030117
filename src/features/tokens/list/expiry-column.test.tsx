import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeInflux } from '../../../testing/fake-influx';
import { renderApp } from '../../../testing/render-app';
import { makeToken } from '../../../testing/token-factory';

const DAY = 24 * 60 * 60 * 1000;
const fromNow = (ms: number) => new Date(Date.now() + ms).toISOString();

function setup(path = '/tokens') {
  const fake = new FakeInflux({
    tokens: [
      makeToken({ id: 'e000000000000001', description: 'forever' }),
      makeToken({ id: 'e000000000000002', description: 'soon gone' }),
      makeToken({ id: 'e000000000000003', description: 'next year' }),
      makeToken({ id: 'e000000000000004', description: 'stuck', status: 'active' }),
      makeToken({ id: 'e000000000000005', description: 'switched off', status: 'inactive' }),
    ],
  });
  fake.governance.seedExpiry('e000000000000002', fromNow(3 * DAY));
  fake.governance.seedExpiry('e000000000000003', fromNow(300 * DAY));
  fake.governance.seedExpiry('e000000000000004', fromNow(-DAY), 'overdue', { lastError: 'InfluxDB did not answer' });
  fake.governance.seedExpiry('e000000000000005', fromNow(-2 * DAY), 'deactivated');
  return { fake, ...renderApp(path) };
}

const rowOf = async (description: string) =>
  (await screen.findByRole('button', { name: description })).closest('[role="row"]') as HTMLElement;

/** The Expires cell of a row (its data-label names it on narrow screens). */
const expiresCell = (row: HTMLElement) => row.querySelector('[data-label="Expires"]') as HTMLElement;

function shownDescriptions(): string[] {
  const table = screen.getByRole('table', { name: 'API tokens' });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => row.querySelector('[data-open-token]')?.getAttribute('aria-label') ?? '');
}

describe('the Expires column', () => {
  it('says when each token expires, in words', async () => {
    setup();
    expect(await screen.findByRole('columnheader', { name: /Expires/ })).toBeInTheDocument();
    await waitFor(async () => expect(expiresCell(await rowOf('soon gone'))).toHaveTextContent('in 3 days'));
    expect(expiresCell(await rowOf('forever'))).toHaveTextContent(/^never$/);
    expect(expiresCell(await rowOf('next year')).textContent).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4}$/);
    const stuck = expiresCell(await rowOf('stuck'));
    expect(stuck).toHaveTextContent(/^expiry overdue/);
    expect(stuck.getAttribute('title')).toContain('InfluxDB did not answer');
    // Short on screen, the whole sentence for screen readers and on hover.
    const off = expiresCell(await rowOf('switched off'));
    expect(off).toHaveTextContent('expired: deactivated by this console');
    expect(off).toHaveAttribute('title', 'expired: deactivated by this console');
  });

  it('sorts by expiry from its heading: soonest first, never last; again for the reverse', async () => {
    const { user, url } = setup();
    await waitFor(async () => expect(expiresCell(await rowOf('soon gone'))).toHaveTextContent('in 3 days'));
    await user.click(screen.getByRole('button', { name: 'Expires' }));
    expect(url()).toBe('/tokens?sort=expires&dir=asc');
    await waitFor(() =>
      expect(shownDescriptions()).toEqual(['switched off', 'stuck', 'soon gone', 'next year', 'forever']),
    );
    expect(screen.getByRole('columnheader', { name: /Expires/ })).toHaveAttribute('aria-sort', 'ascending');
    await user.click(screen.getByRole('button', { name: 'Expires' }));
    await waitFor(() =>
      expect(shownDescriptions()).toEqual(['forever', 'next year', 'soon gone', 'stuck', 'switched off']),
    );
  });

  it('filters by expiry from the toolbar, and the filter lives in the URL', async () => {
    const { user, url } = setup();
    await waitFor(async () => expect(expiresCell(await rowOf('soon gone'))).toHaveTextContent('in 3 days'));
    const filter = screen.getByRole('combobox', { name: 'Expiry' });
    expect(filter).toHaveDisplayValue('Any expiry');
    await user.selectOptions(filter, 'Expires within 7 days');
    expect(url()).toBe('/tokens?expiry=soon');
    await waitFor(() => expect(shownDescriptions()).toEqual(['soon gone']));
    await user.selectOptions(filter, 'Never expires');
    await waitFor(() => expect(shownDescriptions()).toEqual(['forever']));
    await user.selectOptions(filter, 'Expiry overdue');
    await waitFor(() => expect(shownDescriptions()).toEqual(['stuck']));
    await user.selectOptions(filter, 'Expired (deactivated by this console)');
    await waitFor(() => expect(shownDescriptions()).toEqual(['switched off']));
    await user.selectOptions(filter, 'Any expiry');
    expect(url()).toBe('/tokens');
    await waitFor(() => expect(shownDescriptions()).toHaveLength(5));
  });

  it('opens a bookmarked expiry filter, and "Clear filters" clears it when nothing matches', async () => {
    const { user, url } = setup('/tokens?expiry=overdue&status=inactive');
    expect(await screen.findByText('No API tokens match your filters')).toBeInTheDocument();
    expect(screen.getByText(/expiry “Expiry overdue”/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(url()).toBe('/tokens');
    await waitFor(() => expect(shownDescriptions()).toHaveLength(5));
  });

  it('says once why expiry is unavailable, and shows "—" in each row with the reason', async () => {
    const fake = new FakeInflux({ tokens: [makeToken({ id: 'e000000000000001', description: 'pasted only' })] });
    fake.governance.available = false;
    fake.governance.unavailableReason = 'the console holds no token of its own (only a pasted one).';
    renderApp();
    const cell = expiresCell(await rowOf('pasted only'));
    await waitFor(() => expect(cell).toHaveTextContent('—'));
    expect(cell).toHaveAttribute('title', 'the console holds no token of its own (only a pasted one).');
    expect(screen.getAllByText(/Expiry dates are unavailable:/)).toHaveLength(1);
    expect(screen.getByText(/Expiry dates are unavailable:/).closest('p')).toHaveTextContent(
      'the console holds no token of its own (only a pasted one).',
    );
  });

  it('says so when the expiry dates could not be loaded, and Retry loads them', async () => {
    const fake = new FakeInflux({ tokens: [makeToken({ id: 'e000000000000001', description: 'later' })] });
    fake.governance.seedExpiry('e000000000000001', fromNow(3 * DAY));
    fake.failNext('GET', 502, 'the app server could not read its store', /\/api\/app\/governance/);
    const { user } = renderApp();
    const note = (await screen.findByText(/Expiry dates are unavailable:/)).closest('p') as HTMLElement;
    expect(note).toHaveTextContent('could not load them: the app server could not read its store');
    await user.click(within(note).getByRole('button', { name: 'Retry' }));
    await waitFor(async () => expect(expiresCell(await rowOf('later'))).toHaveTextContent('in 3 days'));
    expect(screen.queryByText(/Expiry dates are unavailable:/)).not.toBeInTheDocument();
  });
});
