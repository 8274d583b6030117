import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AuthorizationCreate } from '../../../../core/influx-types';
import { FakeInflux } from '../../../testing/fake-influx';
import { renderApp } from '../../../testing/render-app';
import { ciWriter, makeToken, ORG_ID } from '../../../testing/token-factory';
import { formatDateTime } from '../model/format-time';

const A = 'aaaaaaaaaaaaaaa1';
const B = 'aaaaaaaaaaaaaaa2';

function setup(path = '/tokens') {
  const fake = new FakeInflux({
    tokens: [ciWriter(A), makeToken({ id: B, description: 'grafana' })],
  });
  return { fake, ...renderApp(path) };
}

describe('Delete', { timeout: 20_000 }, () => {
  it('asks first in the drawer, then deletes, closes the drawer, drops the row and says so', async () => {
    const { fake, user, url } = setup(`/tokens/${A}`);
    const drawer = await screen.findByRole('dialog', { name: /ci writer/ });
    await user.click(within(drawer).getByRole('button', { name: 'Delete' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Delete “ci writer”?' });
    expect(confirm).toHaveTextContent('Anything using this token stops working at once.');

    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(fake.sent('DELETE')).toEqual([]);
    expect(screen.getByRole('dialog', { name: /ci writer/ })).toBeInTheDocument();

    await user.click(within(drawer).getByRole('button', { name: 'Delete' }));
    const reads = () =>
      fake.requests.filter((r) => r.method === 'GET' && r.path === `/api/v2/authorizations/${A}`).length;
    const readsBefore = reads();
    await user.click(
      within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Yes, delete this token' }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(url()).toBe('/tokens');
    expect(fake.token(A)).toBeUndefined();
    expect(screen.queryByRole('button', { name: 'ci writer' })).not.toBeInTheDocument();
    expect(await screen.findByText('API token “ci writer” was deleted')).toBeInTheDocument();
    // The deleted token is not asked for again while the drawer closes (that would flash "Token not found").
    expect(reads()).toBe(readsBefore);
  });

  it('from the row menu; a failure is shown in the confirmation, which stays open', async () => {
    const { fake, user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Actions for grafana' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Delete' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Delete “grafana”?' });
    fake.failNext('DELETE', 404, 'authorization not found', undefined, 'not found');
    await user.click(within(confirm).getByRole('button', { name: 'Yes, delete this token' }));
    expect(await within(confirm).findByRole('alert')).toHaveTextContent(
      'Could not delete “grafana”: authorization not found',
    );

    await user.click(within(confirm).getByRole('button', { name: 'Yes, delete this token' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(fake.token(B)).toBeUndefined();
    await waitFor(() => expect(screen.queryByRole('button', { name: 'grafana' })).not.toBeInTheDocument());
  });

  it('a deep link to a token deleted here says "Token not found"', async () => {
    const { user, router } = setup(`/tokens/${A}`);
    const drawer = await screen.findByRole('dialog', { name: /ci writer/ });
    await user.click(within(drawer).getByRole('button', { name: 'Delete' }));
    await user.click(
      within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Yes, delete this token' }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await router.navigate(`/tokens/${A}`);
    expect(await screen.findByRole('dialog', { name: 'Token not found' })).toBeInTheDocument();
  });
});

describe('Clone', { timeout: 20_000 }, () => {
  it('creates the same permissions, described with the local time of the clone, and shows the new token once', async () => {
    const { fake, user } = setup(`/tokens/${A}`);
    const drawer = await screen.findByRole('dialog', { name: /ci writer/ });
    const before = formatDateTime(new Date().toISOString());
    await user.click(within(drawer).getByRole('button', { name: 'Clone' }));
    const shown = await screen.findByRole('dialog', { name: /Token cloned/ });
    const after = formatDateTime(new Date().toISOString());

    const body = fake.sent('POST')[0]?.body as AuthorizationCreate;
    expect(body.permissions).toEqual([
      { action: 'read', resource: { type: 'buckets', id: 'b000000000000001', orgID: ORG_ID } },
      { action: 'write', resource: { type: 'buckets', id: 'b000000000000001', orgID: ORG_ID } },
    ]);
    expect(body.orgID).toBe(ORG_ID);
    expect(body.userID).toBe(fake.token(A)?.userID);
    expect([`ci writer (cloned at ${before})`, `ci writer (cloned at ${after})`]).toContain(body.description);
    const field = within(shown).getByRole('textbox', {
      name: /Token for “ci writer \(cloned at/,
    }) as HTMLTextAreaElement;
    expect(field.value).toMatch(/^new-token-1-x+==$/);
  });

  it('from the row menu, and a refusal is said in an alert', async () => {
    const { fake, user } = setup();
    fake.refuseGrant = (p) => p.action === 'write';
    await user.click(await screen.findByRole('button', { name: 'Actions for ci writer' }));
    await user.click(await screen.findByRole('menuitem', { name: /Clone/ }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not clone “ci writer”');
    expect(alert).toHaveTextContent('InfluxDB refused to clone this token: permission write:buckets is not allowed.');
    expect(fake.tokens).toHaveLength(2);
  });
});

describe('a refusal for a missing permission, signed in with a pasted token', { timeout: 20_000 }, () => {
  it('is said, and the person stays signed in (only an unknown or inactive token signs out)', async () => {
    const PASTED = 'pasted-token-value';
    const fake = new FakeInflux({
      tokens: [makeToken({ id: A, description: 'ci writer', user: 'user2' })],
      config: { needsToken: true },
      validToken: PASTED,
    });
    sessionStorage.setItem('influx-token-manager:token', PASTED);
    const { user } = renderApp();
    fake.failNext('POST', 401, 'write:users/1000000000000003 is unauthorized');
    await user.click(await screen.findByRole('button', { name: 'Actions for ci writer' }));
    await user.click(await screen.findByRole('menuitem', { name: /Clone/ }));
    expect(
      await screen.findByText(/InfluxDB refused to clone this token: write:users\/1000000000000003 is unauthorized./),
    ).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'API token' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'ci writer' })).toBeInTheDocument();
  });
});
