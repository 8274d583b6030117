import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { FakeInflux } from '../testing/fake-influx';
import { renderApp } from '../testing/render-app';
import { makeToken, ORG_ID, ORG_NAME } from '../testing/token-factory';

const OTHER_ID = '0b0b0b0b0b0b0b02';
const OTHER = 'second-org';
const MINE = 'aaaaaaaaaaaaaaa1';
const THEIRS = 'aaaaaaaaaaaaaaa2';

function twoOrgs() {
  return new FakeInflux({
    orgs: [
      { id: ORG_ID, name: ORG_NAME },
      { id: OTHER_ID, name: OTHER },
    ],
    tokens: [
      makeToken({ id: MINE, description: 'my-org writer' }),
      makeToken({ id: THEIRS, description: 'second-org reader', orgID: OTHER_ID, org: OTHER }),
    ],
  });
}

const rowNames = () => screen.getAllByRole('row').map((row) => row.textContent ?? '');

describe('orgs in the URL and the header', () => {
  it('shows the org a URL names, and /tokens keeps showing the default org', async () => {
    twoOrgs();
    const page = renderApp(`/orgs/${OTHER_ID}/tokens`);
    await screen.findByRole('button', { name: 'second-org reader' });
    expect(screen.queryByRole('button', { name: 'my-org writer' })).toBeNull();
    expect(screen.getByRole('button', { name: /^Org: second-org/ })).toBeVisible();
    page.unmount();

    renderApp('/tokens');
    await screen.findByRole('button', { name: 'my-org writer' });
    expect(screen.queryByRole('button', { name: 'second-org reader' })).toBeNull();
    expect(screen.getByRole('button', { name: /^Org: my-org/ })).toBeVisible();
  });

  it('switches org from the header by keyboard, marks the current one, and keeps the view and its filters', async () => {
    twoOrgs();
    const { user, url } = renderApp('/tokens?status=active&q=r');
    await screen.findByRole('button', { name: 'my-org writer' });
    const trigger = screen.getByRole('button', { name: /^Org: my-org/ });
    trigger.focus();
    await user.keyboard('{Enter}');
    const menu = await screen.findByRole('menu', { name: /^Org: my-org/ });
    const current = await within(menu).findByRole('menuitemradio', { name: ORG_NAME });
    expect(current).toHaveAttribute('aria-checked', 'true');
    const other = await within(menu).findByRole('menuitemradio', { name: OTHER });
    expect(other).toHaveAttribute('aria-checked', 'false');
    other.focus();
    await user.keyboard('{Enter}');
    await screen.findByRole('button', { name: 'second-org reader' });
    expect(url()).toBe(`/orgs/${OTHER_ID}/tokens?status=active&q=r`);
    expect(rowNames().some((text) => text.includes('my-org writer'))).toBe(false);
  });

  it('opens a drawer under the org URL, and links stay in that org', async () => {
    twoOrgs();
    const { user, url } = renderApp(`/orgs/${OTHER_ID}/tokens`);
    await user.click(await screen.findByRole('button', { name: 'second-org reader' }));
    await screen.findByRole('dialog', { name: /second-org reader/ });
    expect(url()).toBe(`/orgs/${OTHER_ID}/tokens/${THEIRS}`);
    await user.click(screen.getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(url()).toBe(`/orgs/${OTHER_ID}/tokens`));
    await user.click(screen.getByRole('link', { name: 'Activity' }));
    await waitFor(() => expect(url()).toBe(`/orgs/${OTHER_ID}/activity`));
  });

  it("answers not found for another org's token opened under this org's URL, never the token", async () => {
    twoOrgs();
    renderApp(`/orgs/${OTHER_ID}/tokens/${MINE}`);
    const dialog = await screen.findByRole('dialog', { name: 'Token not found' });
    expect(dialog).not.toHaveTextContent('my-org writer');
    expect(within(dialog).queryByRole('switch', { name: 'Active' })).toBeNull();
  });

  it('drops a filter on a bucket of the old org when switching, and says so', async () => {
    twoOrgs();
    const { user, url } = renderApp('/tokens?perm=write%3Abuckets%2Fb000000000000001');
    await screen.findByRole('button', { name: /^Org: my-org/ });
    await user.click(screen.getByRole('button', { name: /^Org: my-org/ }));
    await user.click(await screen.findByRole('menuitemradio', { name: OTHER }));
    await waitFor(() => expect(url()).toBe(`/orgs/${OTHER_ID}/tokens`));
    expect(await screen.findByText(/Dropped the permission filter on one bucket/)).toBeVisible();
  });

  it('says clearly when the URL names an org that does not exist', async () => {
    twoOrgs();
    renderApp('/orgs/0c0c0c0c0c0c0c0c/tokens');
    expect(
      await screen.findByText(
        /No organization with ID 0c0c0c0c0c0c0c0c exists here, or the console's token cannot read it/,
      ),
    ).toBeVisible();
    expect(screen.queryByRole('row')).toBeNull();
  });

  it('treats a URL or host in the org part of the path as an org ID: asked of this origin, and not found', async () => {
    const fake = twoOrgs();
    renderApp('/orgs/http%3A%2F%2Fevil.example%2F/tokens');
    expect(await screen.findByText(/No organization with ID http:\/\/evil\.example\/ exists here/)).toBeVisible();
    const asked = fake.requests.filter((r) => r.path.startsWith('/api/v2/orgs/'));
    expect(asked.map((r) => r.path)).toEqual(['/api/v2/orgs/http%3A%2F%2Fevil.example%2F']);
    expect(screen.queryByRole('row')).toBeNull();
  });

  it("shows a token's current copy when its drawer's URL moves back to its own org", async () => {
    // Found by scope.model.test.tsx: only the org in the URL changed, so the drawer stayed mounted with its old copy.
    const fake = twoOrgs();
    const { router } = renderApp(`/orgs/${OTHER_ID}/tokens`);
    await screen.findByRole('button', { name: 'second-org reader' });
    fake.tokens = fake.tokens.map((t) => (t.id === THEIRS ? { ...t, description: 'renamed reader' } : t));
    const realNow = Date.now.bind(Date);
    const clock = vi.spyOn(Date, 'now').mockImplementation(() => realNow() + 6_000);
    try {
      await router.navigate(`/orgs/${ORG_ID}/tokens/${THEIRS}`);
      await screen.findByRole('dialog', { name: 'Token not found' });
      await router.navigate(`/orgs/${OTHER_ID}/tokens/${THEIRS}`);
      expect(await screen.findByRole('dialog', { name: /renamed reader/ })).toBeVisible();
    } finally {
      clock.mockRestore();
    }
  });
});
