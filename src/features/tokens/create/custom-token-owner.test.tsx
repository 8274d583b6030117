import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AuthorizationCreate } from '../../../../core/influx-types';
import { FakeInflux, makeBucket } from '../../../testing/fake-influx';
import { renderApp } from '../../../testing/render-app';
import { makeToken, ORG_ID } from '../../../testing/token-factory';

const USER2 = '1000000000000003';

async function openCustom(user: ReturnType<typeof renderApp>['user']) {
  await user.click(await screen.findByRole('button', { name: 'Generate API Token' }));
  await user.click(await screen.findByRole('menuitem', { name: /Custom API Token/ }));
  return screen.findByRole('dialog', { name: 'Generate Custom API Token' });
}

describe('Custom API Token: owner, every bucket, filter and select-all', { timeout: 20_000 }, () => {
  it('opens on Description, lists buckets past the first page, selects all shown, and sends the chosen owner', async () => {
    const fake = new FakeInflux({
      tokens: [makeToken({ description: 'existing', user: 'user2', userID: USER2 })],
      buckets: Array.from({ length: 130 }, (_, i) =>
        makeBucket(`b${i.toString(16).padStart(15, '0')}`, `bucket-${String(i).padStart(3, '0')}`),
      ),
    });
    const { user } = renderApp();
    const dialog = await openCustom(user);
    expect(within(dialog).getByRole('textbox', { name: 'Description' })).toHaveFocus();
    await user.keyboard('ci');
    expect(await within(dialog).findByRole('checkbox', { name: 'Read bucket bucket-129' })).toBeInTheDocument();

    await user.type(within(dialog).getByRole('searchbox', { name: 'Filter buckets and resources' }), 'bucket-12');
    const buckets = within(dialog).getByRole('table', { name: 'Buckets' });
    await waitFor(() => expect(within(buckets).getAllByRole('checkbox', { name: /^Read bucket / })).toHaveLength(10));
    await user.click(within(dialog).getByRole('checkbox', { name: 'Write every bucket shown' }));
    expect(within(dialog).getByText('10 permissions chosen.')).toBeInTheDocument();
    // Half of a column chosen shows as mixed.
    await user.click(within(dialog).getByRole('checkbox', { name: 'Write bucket bucket-120' }));
    expect(
      (within(dialog).getByRole('checkbox', { name: 'Write every bucket shown' }) as HTMLInputElement).indeterminate,
    ).toBe(true);

    await user.selectOptions(await within(dialog).findByRole('combobox', { name: 'Owner' }), 'user2');
    await user.click(within(dialog).getByRole('button', { name: 'Generate' }));
    await screen.findByRole('dialog', { name: /API token created/ });
    const body = fake.sent('POST')[0]?.body as AuthorizationCreate;
    expect(body.userID).toBe(USER2);
    expect(body.description).toBe('ci');
    expect(body.permissions).toHaveLength(9);
    expect(body.permissions.every((p) => p.action === 'write' && p.resource.orgID === ORG_ID)).toBe(true);
  });

  it('says the owner cannot be acted for when InfluxDB refuses write on that user', async () => {
    const fake = new FakeInflux({ tokens: [makeToken({ description: 'existing', user: 'user2', userID: USER2 })] });
    const { user } = renderApp();
    const dialog = await openCustom(user);
    await user.click(await within(dialog).findByRole('checkbox', { name: 'Read all buckets' }));
    await user.selectOptions(await within(dialog).findByRole('combobox', { name: 'Owner' }), 'user2');
    fake.failNext('POST', 401, `write:users/${USER2} is unauthorized`);
    await user.click(within(dialog).getByRole('button', { name: 'Generate' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent(
      `InfluxDB refused to create a token for user2: write:users/${USER2} is unauthorized`,
    );
    expect(alert).toHaveTextContent('may not act for user2');
  });
});

describe('Custom API Token: a list that could not be loaded', { timeout: 20_000 }, () => {
  it('says the resource types failed to load, with a Retry that works, not that none matches the filter', async () => {
    const fake = new FakeInflux({ tokens: [makeToken({ description: 'existing' })] });
    fake.failNext('GET', 503, 'InfluxDB is restarting', /\/api\/v2\/resources/);
    const { user } = renderApp();
    const dialog = await openCustom(user);
    const types = await within(dialog).findByRole('table', { name: 'Other resources' });
    const alert = await within(types).findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the resource types: InfluxDB is restarting');
    expect(within(dialog).queryByText('No resource type matches the filter.')).not.toBeInTheDocument();
    // The buckets loaded: they can still be chosen.
    expect(within(dialog).getByRole('checkbox', { name: 'Read bucket telegraf' })).toBeInTheDocument();

    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await within(dialog).findByRole('checkbox', { name: 'Read dashboards' })).toBeInTheDocument();
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();
  });
});
