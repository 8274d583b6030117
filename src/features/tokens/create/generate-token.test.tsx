import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AuthorizationCreate } from '../../../../core/influx-types';
import { ADMIN_USER, FakeInflux } from '../../../testing/fake-influx';
import { renderApp } from '../../../testing/render-app';
import { makeToken, ORG_ID } from '../../../testing/token-factory';

function setup() {
  const fake = new FakeInflux({ tokens: [makeToken({ description: 'existing' })] });
  return { fake, ...renderApp() };
}

async function openGenerate(user: ReturnType<typeof setup>['user'], item: 'All Access API Token' | 'Custom API Token') {
  await user.click(await screen.findByRole('button', { name: 'Generate API Token' }));
  await user.click(await screen.findByRole('menuitem', { name: new RegExp(item) }));
  return screen.findByRole('dialog', {
    name: item === 'Custom API Token' ? 'Generate Custom API Token' : 'Generate All Access API Token',
  });
}

describe('Generate API Token: All Access', { timeout: 20_000 }, () => {
  it('warns, then creates the all-access permission set for my own user and shows the token once', async () => {
    const { fake, user, queryClient } = setup();
    const dialog = await openGenerate(user, 'All Access API Token');
    expect(dialog).toHaveTextContent('This token grants full read and write access to every resource in my-org');
    await user.type(within(dialog).getByRole('textbox', { name: 'Description' }), 'ops laptop');
    const generate = within(dialog).getByRole('button', { name: 'Generate' });
    await waitFor(() => expect(generate).toBeEnabled());
    await user.click(generate);

    const shown = await screen.findByRole('dialog', { name: /API token created/ });
    const body = fake.sent('POST')[0]?.body as AuthorizationCreate;
    expect(body.orgID).toBe(ORG_ID);
    expect(body.description).toBe('ops laptop');
    expect(body.permissions).toContainEqual({ action: 'write', resource: { type: 'buckets', orgID: ORG_ID } });
    expect(body.permissions.filter((p) => p.resource.type === 'orgs')).toEqual([
      { action: 'read', resource: { type: 'orgs', id: ORG_ID } },
    ]);
    expect(body.permissions.filter((p) => p.resource.type === 'users')).toEqual([
      { action: 'read', resource: { type: 'users', id: ADMIN_USER.id } },
      { action: 'write', resource: { type: 'users', id: ADMIN_USER.id } },
    ]);
    expect(body.permissions.some((p) => p.resource.type === 'instance')).toBe(false);

    expect(
      within(shown).getByText("Make sure to copy your new API token now. You won't be able to see it again!"),
    ).toBeInTheDocument();
    const secret = (within(shown).getByRole('textbox', { name: /Token for “ops laptop”/ }) as HTMLTextAreaElement)
      .value;
    expect(secret).toMatch(/^new-token-1-x+==$/);
    expect(screen.queryByRole('dialog', { name: 'Generate All Access API Token' })).not.toBeInTheDocument();
    // The new token is in the list at once, summarized as all access, without its secret in the cache.
    const row = (await screen.findByRole('button', { name: 'ops laptop', hidden: true })).closest(
      '[role="row"]',
    ) as HTMLElement;
    expect(row).toHaveTextContent('All access');
    const cached = queryClient.getQueryData<{ description: string; token: string }[]>(['tokens', 'list', ORG_ID]) ?? [];
    expect(cached.find((t) => t.description === 'ops laptop')?.token).toBe('');
  });
});

describe('Generate API Token: Custom', { timeout: 20_000 }, () => {
  it('keeps Generate disabled, and says why, until a permission is chosen', async () => {
    const { user } = setup();
    const dialog = await openGenerate(user, 'Custom API Token');
    const generate = within(dialog).getByRole('button', { name: 'Generate' });
    expect(generate).toBeDisabled();
    expect(generate).toHaveAccessibleDescription('Choose at least one permission to generate a token.');

    await user.click(await within(dialog).findByRole('checkbox', { name: 'Read bucket telegraf' }));
    expect(generate).toBeEnabled();
    expect(generate).toHaveAccessibleDescription('1 permission chosen.');
    await user.click(within(dialog).getByRole('checkbox', { name: 'Read bucket telegraf' }));
    expect(generate).toBeDisabled();
  });

  it('"all buckets" covers each bucket, and the request carries exactly the choices', async () => {
    const { fake, user } = setup();
    const dialog = await openGenerate(user, 'Custom API Token');
    await user.type(within(dialog).getByRole('textbox', { name: 'Description' }), 'ci writer');
    await user.click(await within(dialog).findByRole('checkbox', { name: 'Write bucket telegraf' }));
    await user.click(within(dialog).getByRole('checkbox', { name: 'Read all buckets' }));
    const telemetryRead = within(dialog).getByRole('checkbox', { name: 'Read bucket telemetry' });
    expect(telemetryRead).toBeChecked();
    expect(telemetryRead).toBeDisabled();
    await user.click(await within(dialog).findByRole('checkbox', { name: 'Read dashboards' }));
    await user.click(within(dialog).getByRole('button', { name: 'Generate' }));

    await screen.findByRole('dialog', { name: /API token created/ });
    expect((fake.sent('POST')[0]?.body as AuthorizationCreate).permissions).toEqual([
      { action: 'read', resource: { type: 'buckets', orgID: ORG_ID } },
      { action: 'read', resource: { type: 'dashboards', orgID: ORG_ID } },
      { action: 'write', resource: { type: 'buckets', id: 'b000000000000002', orgID: ORG_ID } },
    ]);
  });

  it('shows a refusal in the dialog and keeps every choice, so a second try works', async () => {
    const { fake, user } = setup();
    fake.refuseGrant = (p) => p.action === 'write' && p.resource.type === 'dashboards';
    const dialog = await openGenerate(user, 'Custom API Token');
    await user.type(within(dialog).getByRole('textbox', { name: 'Description' }), 'grafana');
    await user.click(await within(dialog).findByRole('checkbox', { name: 'Read bucket telemetry' }));
    await user.click(await within(dialog).findByRole('checkbox', { name: 'Write dashboards' }));
    await user.click(within(dialog).getByRole('button', { name: 'Generate' }));

    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent(
      'InfluxDB refused to create the token: permission write:dashboards is not allowed.',
    );
    expect(alert).toHaveTextContent('Your choices are kept');
    expect(within(dialog).getByRole('textbox', { name: 'Description' })).toHaveValue('grafana');
    expect(within(dialog).getByRole('checkbox', { name: 'Read bucket telemetry' })).toBeChecked();
    expect(within(dialog).getByRole('checkbox', { name: 'Write dashboards' })).toBeChecked();
    expect(screen.queryByRole('dialog', { name: /API token created/ })).not.toBeInTheDocument();

    await user.click(within(dialog).getByRole('checkbox', { name: 'Write dashboards' }));
    await user.click(within(dialog).getByRole('button', { name: 'Generate' }));
    await screen.findByRole('dialog', { name: /API token created/ });
    expect(fake.tokens.map((t) => t.description)).toContain('grafana');
  });

  it('says so plainly when the server answers 401 for a missing permission', async () => {
    const { fake, user } = setup();
    const dialog = await openGenerate(user, 'Custom API Token');
    fake.failNext('POST', 401, `write:orgs/${ORG_ID}/authorizations is unauthorized`);
    await user.click(await within(dialog).findByRole('checkbox', { name: 'Read tasks' }));
    await user.click(within(dialog).getByRole('button', { name: 'Generate' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      `InfluxDB refused to create the token: write:orgs/${ORG_ID}/authorizations is unauthorized.`,
    );
    expect(within(dialog).getByRole('checkbox', { name: 'Read tasks' })).toBeChecked();
  });
});
