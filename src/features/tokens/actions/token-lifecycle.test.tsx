import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AuthorizationCreate } from '../../../../core/influx-types';
import { FakeInflux } from '../../../testing/fake-influx';
import { renderApp } from '../../../testing/render-app';
import { ciWriter, makeToken, ORG_ID } from '../../../testing/token-factory';
import { formatDateTime } from '../../../lib/format-time';

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

describe('Delete puts focus on the row beside the deleted one', { timeout: 20_000 }, () => {
  function setupThree(path = '/tokens') {
    const fake = new FakeInflux({
      tokens: [
        makeToken({ id: A, description: 'alpha' }),
        makeToken({ id: B, description: 'beta' }),
        makeToken({ id: 'aaaaaaaaaaaaaaa3', description: 'gamma' }),
      ],
    });
    return { fake, ...renderApp(path) };
  }

  async function deleteFromMenu(user: ReturnType<typeof renderApp>['user'], name: string) {
    await user.click(await screen.findByRole('button', { name: `Actions for ${name}` }));
    await user.click(await screen.findByRole('menuitem', { name: 'Delete' }));
    const confirm = await screen.findByRole('alertdialog', { name: `Delete “${name}”?` });
    await user.click(within(confirm).getByRole('button', { name: 'Yes, delete this token' }));
    await waitFor(() => expect(screen.queryByRole('button', { name })).not.toBeInTheDocument());
  }

  it('from the row menu: the next row, or the previous one when the last row went', async () => {
    const { user } = setupThree('/tokens?sort=description&dir=asc');
    await deleteFromMenu(user, 'beta');
    await waitFor(() => expect(screen.getByRole('button', { name: 'gamma' })).toHaveFocus());
    await deleteFromMenu(user, 'gamma');
    await waitFor(() => expect(screen.getByRole('button', { name: 'alpha' })).toHaveFocus());
  });

  it('from the drawer: the next row, once the drawer has closed', async () => {
    const { user } = setupThree('/tokens?sort=description&dir=asc');
    await user.click(await screen.findByRole('button', { name: 'alpha' }));
    const drawer = await screen.findByRole('dialog', { name: /alpha/ });
    await user.click(within(drawer).getByRole('button', { name: 'Delete' }));
    await user.click(
      within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Yes, delete this token' }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(screen.getByRole('button', { name: 'beta' })).toHaveFocus());
  });
});

describe('Clone', { timeout: 20_000 }, () => {
  it('asks first, with the description and owner prefilled; then creates the same permissions and shows the token once', async () => {
    const { fake, user } = setup(`/tokens/${A}`);
    const drawer = await screen.findByRole('dialog', { name: /ci writer/ });
    const before = formatDateTime(new Date().toISOString());
    await user.click(within(drawer).getByRole('button', { name: 'Clone' }));
    const form = await screen.findByRole('dialog', { name: 'Clone “ci writer”' });
    const after = formatDateTime(new Date().toISOString());
    // Nothing is created before the person says so.
    expect(fake.sent('POST')).toEqual([]);
    const description = within(form).getByRole('textbox', { name: 'Description' });
    expect([`ci writer (cloned at ${before})`, `ci writer (cloned at ${after})`]).toContain(
      (description as HTMLInputElement).value,
    );
    expect(description).toHaveFocus();
    expect(await within(form).findByRole('combobox', { name: 'Owner' })).toHaveDisplayValue('user2');
    // An active token's copy is active: no question about it.
    expect(within(form).queryByRole('radio')).not.toBeInTheDocument();

    await user.clear(description);
    await user.type(description, 'ci writer, second site');
    await user.click(within(form).getByRole('button', { name: 'Clone' }));
    const shown = await screen.findByRole('dialog', { name: /Token cloned/ });

    const body = fake.sent('POST')[0]?.body as AuthorizationCreate;
    expect(body.permissions).toEqual([
      { action: 'read', resource: { type: 'buckets', id: 'b000000000000001', orgID: ORG_ID } },
      { action: 'write', resource: { type: 'buckets', id: 'b000000000000001', orgID: ORG_ID } },
    ]);
    expect(body.orgID).toBe(ORG_ID);
    expect(body.userID).toBe(fake.token(A)?.userID);
    expect(body.description).toBe('ci writer, second site');
    expect(body.status).toBeUndefined();
    const field = within(shown).getByRole('textbox', {
      name: 'Token for “ci writer, second site”',
    }) as HTMLTextAreaElement;
    expect(field.value).toMatch(/^new-token-1-x+==$/);
  });

  it('lets the owner be changed, as Generate does', async () => {
    const { fake, user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Actions for ci writer' }));
    await user.click(await screen.findByRole('menuitem', { name: /Clone/ }));
    const form = await screen.findByRole('dialog', { name: 'Clone “ci writer”' });
    await user.selectOptions(await within(form).findByRole('combobox', { name: 'Owner' }), 'admin (you)');
    await user.click(within(form).getByRole('button', { name: 'Clone' }));
    await screen.findByRole('dialog', { name: /Token cloned/ });
    const body = fake.sent('POST')[0]?.body as AuthorizationCreate;
    expect(body.userID).toBeUndefined();
  });

  it('of an inactive token: says so, makes the copy inactive too unless Active is chosen', async () => {
    const fake = new FakeInflux({ tokens: [makeToken({ id: B, description: 'grafana', status: 'inactive' })] });
    const { user } = renderApp();
    const openClone = async () => {
      await user.click(await screen.findByRole('button', { name: 'Actions for grafana' }));
      await user.click(await screen.findByRole('menuitem', { name: /Clone/ }));
      return screen.findByRole('dialog', { name: 'Clone “grafana”' });
    };
    let form = await openClone();
    const choice = within(form).getByRole('group', { name: 'Status of the copy' });
    expect(choice).toHaveAccessibleDescription('“grafana” is inactive: InfluxDB refuses it.');
    expect(within(choice).getByRole('radio', { name: /^Inactive, like the original/ })).toBeChecked();
    await user.click(within(form).getByRole('button', { name: 'Clone' }));
    const shown = await screen.findByRole('dialog', { name: /Token cloned/ });
    expect((fake.sent('POST')[0]?.body as AuthorizationCreate).status).toBe('inactive');
    await user.click(within(shown).getByRole('button', { name: 'Copy to clipboard' }));
    await user.click(within(shown).getByRole('button', { name: 'Close' }));

    form = await openClone();
    await user.click(within(form).getByRole('radio', { name: /^Active/ }));
    await user.click(within(form).getByRole('button', { name: 'Clone' }));
    expect(await screen.findByRole('dialog', { name: /Token cloned/ })).toBeInTheDocument();
    expect((fake.sent('POST')[1]?.body as AuthorizationCreate).status).toBe('active');
  });

  it('shows a refusal in the form and keeps what was typed, so a second try works', async () => {
    const { fake, user } = setup();
    fake.refuseGrant = (p) => p.action === 'write';
    await user.click(await screen.findByRole('button', { name: 'Actions for ci writer' }));
    await user.click(await screen.findByRole('menuitem', { name: /Clone/ }));
    const form = await screen.findByRole('dialog', { name: 'Clone “ci writer”' });
    const description = within(form).getByRole('textbox', { name: 'Description' });
    await user.clear(description);
    await user.type(description, 'my copy');
    await user.click(within(form).getByRole('button', { name: 'Clone' }));
    const alert = await within(form).findByRole('alert');
    expect(alert).toHaveTextContent('InfluxDB refused to clone this token: permission write:buckets is not allowed.');
    expect(alert).toHaveTextContent('Your choices are kept: change them and clone again.');
    expect(description).toHaveValue('my copy');
    expect(fake.tokens).toHaveLength(2);

    fake.refuseGrant = undefined;
    await user.click(within(form).getByRole('button', { name: 'Clone' }));
    expect(await screen.findByRole('dialog', { name: /Token cloned/ })).toBeInTheDocument();
    expect(fake.tokens).toHaveLength(3);
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
    const form = await screen.findByRole('dialog', { name: 'Clone “ci writer”' });
    await user.click(within(form).getByRole('button', { name: 'Clone' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent(
      'InfluxDB refused to create a token for user2: write:users/1000000000000003 is unauthorized.',
    );
    expect(screen.queryByRole('textbox', { name: 'API token' })).not.toBeInTheDocument();
    await user.click(within(form).getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByRole('button', { name: 'ci writer' })).toBeInTheDocument();
  });
});
