import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeInflux } from '../../../testing/fake-influx';
import { renderApp } from '../../../testing/render-app';
import { ciWriter } from '../../../testing/token-factory';

const ID = 'aaaaaaaaaaaaaaa1';
const HOUR = 60 * 60 * 1000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

async function openDrawer(setupFake?: (fake: FakeInflux) => void) {
  const fake = new FakeInflux({ tokens: [ciWriter(ID)] });
  setupFake?.(fake);
  const page = renderApp(`/tokens/${ID}`);
  const dialog = await screen.findByRole('dialog', { name: /ci writer/ });
  return { fake, dialog, ...page };
}

describe('the drawer’s Activity tab', () => {
  it('is reached with the arrow keys and lists this token’s trail newest first: when, what, who, from where', async () => {
    const { dialog, user } = await openDrawer((fake) => {
      fake.governance.seedActivity({ tokenID: ID, action: 'create', at: ago(48 * HOUR), description: 'ci' });
      fake.governance.seedActivity({
        tokenID: ID,
        action: 'rename',
        at: ago(3 * HOUR),
        before: { description: 'ci' },
        after: { description: 'ci writer' },
        actor: { kind: 'pasted-token', tokenID: '0000000000000009', description: 'laptop', user: 'user2' },
        via: 'api',
      });
      fake.governance.seedActivity({
        tokenID: ID,
        action: 'expiry-fired',
        at: ago(HOUR),
        before: { status: 'active' },
        after: { status: 'inactive' },
        actor: { kind: 'console' },
        via: 'scheduled',
        note: 'caught up at start: due while the console was not running',
      });
      fake.governance.seedActivity({ tokenID: 'aaaaaaaaaaaaaaa2', action: 'delete' });
    });
    const tabs = within(dialog).getByRole('tablist', { name: 'Token' });
    const details = within(tabs).getByRole('tab', { name: 'Details' });
    expect(details).toHaveAttribute('aria-selected', 'true');
    expect(within(dialog).getByRole('tabpanel', { name: 'Details' })).toContainElement(
      within(dialog).getByRole('switch', { name: 'Active' }),
    );

    details.focus();
    await user.keyboard('{ArrowRight}');
    const activityTab = within(tabs).getByRole('tab', { name: 'Activity' });
    expect(activityTab).toHaveFocus();
    expect(activityTab).toHaveAttribute('aria-selected', 'true');
    const panel = within(dialog).getByRole('tabpanel', { name: 'Activity' });
    const list = await within(panel).findByRole('list', { name: 'Changes to this token, newest first' });
    const items = within(list)
      .getAllByRole('listitem')
      .filter((item) => item.parentElement === list);
    expect(items.map((item) => item.querySelector('strong')?.textContent)).toEqual([
      'Deactivated at expiry',
      'Renamed',
      'Created',
    ]);
    expect(items[0]).toHaveTextContent('status: active → inactive');
    expect(items[0]).toHaveTextContent('By this console · via scheduled');
    expect(items[0]).toHaveTextContent('caught up at start: due while the console was not running');
    expect(within(items[0]!).getByText('1 hour ago')).toHaveAttribute(
      'title',
      expect.stringMatching(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/),
    );
    expect(items[1]).toHaveTextContent('description: “ci” → “ci writer”');
    expect(items[1]).toHaveTextContent('By “laptop” (pasted token of user2) · via API (curl, CLI)');
    expect(items[2]).toHaveTextContent('Then described as “ci”.');
    expect(items[2]).toHaveTextContent("By “admin's Token” (server token) · via page");
    expect(panel).not.toHaveTextContent('Deleted');

    await user.keyboard('{Home}');
    expect(details).toHaveFocus();
    expect(within(dialog).getByRole('switch', { name: 'Active' })).toBeInTheDocument();
  });

  it('shows a change just made in the drawer', async () => {
    const { dialog, user } = await openDrawer();
    await user.click(within(dialog).getByRole('tab', { name: 'Activity' }));
    expect(await within(dialog).findByText(/No changes recorded for this token yet/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('tab', { name: 'Details' }));
    await user.click(within(dialog).getByRole('switch', { name: 'Active' }));
    await waitFor(() => expect(within(dialog).getByRole('switch', { name: 'Active' })).not.toBeChecked());
    await user.click(within(dialog).getByRole('tab', { name: 'Activity' }));
    const panel = within(dialog).getByRole('tabpanel', { name: 'Activity' });
    expect(await within(panel).findByText('Deactivated')).toBeInTheDocument();
    expect(panel).toHaveTextContent('status: active → inactive');
  });

  it('says why the trail could not be loaded, and Retry loads it', async () => {
    const { dialog, fake, user } = await openDrawer((fake) =>
      fake.governance.seedActivity({ tokenID: ID, action: 'create' }),
    );
    fake.failNext('GET', 503, 'the store is busy', /\/api\/app\/activity/);
    await user.click(within(dialog).getByRole('tab', { name: 'Activity' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Could not load this token’s activity: the store is busy');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await within(dialog).findByText('Created')).toBeInTheDocument();
  });
});
