import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SetExpiryBody } from '../../../../core/governance';
import { formatDateTimeZone } from '../../../lib/format-time';
import { FakeInflux } from '../../../testing/fake-influx';
import { renderApp } from '../../../testing/render-app';
import { ciWriter, ORG_ID } from '../../../testing/token-factory';

const A = 'aaaaaaaaaaaaaaa1';
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

function setup() {
  const fake = new FakeInflux({ tokens: [ciWriter(A)] });
  return { fake, ...renderApp() };
}

async function openRotate(user: ReturnType<typeof renderApp>['user']) {
  await user.click(await screen.findByRole('button', { name: 'Actions for ci writer' }));
  await user.click(await screen.findByRole('menuitem', { name: /^Rotate/ }));
  return screen.findByRole('alertdialog', { name: 'Rotate “ci writer”?' });
}

const created = () => screen.findByRole('dialog', { name: 'Replacement created: copy it now' });
const writes = (fake: FakeInflux) =>
  fake.requests.filter((r) => /^(POST|PUT|PATCH)$/.test(r.method)).map((r) => `${r.method} ${r.path}`);

describe('Rotate, then delete the old token', { timeout: 20_000 }, () => {
  it('offers Never by default, and the deletion presets in a labelled select', async () => {
    const { user } = setup();
    const confirm = await openRotate(user);
    const select = await within(confirm).findByRole('combobox', { name: 'Then delete the old token' });
    expect(select).toHaveValue('never');
    expect(select).toHaveAccessibleDescription(/switching it back on cancels the deletion/);
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Never', '1 day after it stops working', '7 days after', '30 days after']);
  });

  it('24 hours, then delete 7 days after: one PUT with both times, deleteAt 7 days after expiresAt', async () => {
    const { fake, user } = setup();
    const confirm = await openRotate(user);
    await user.click(await within(confirm).findByRole('radio', { name: 'In 24 hours' }));
    await user.selectOptions(
      within(confirm).getByRole('combobox', { name: 'Then delete the old token' }),
      '7 days after',
    );
    const before = Date.now();
    await user.click(within(confirm).getByRole('button', { name: 'Create replacement' }));

    const shown = await created();
    expect(writes(fake)).toEqual(['POST /api/v2/authorizations', `PUT /api/app/expiry/${A}`]);
    const body = fake.sent('PUT')[0]!.body as SetExpiryBody;
    expect(Object.keys(body).sort()).toEqual(['deleteAt', 'expiresAt', 'orgID']);
    expect(body.orgID).toBe(ORG_ID);
    expect(Date.parse(body.expiresAt!) - before).toBeGreaterThanOrEqual(24 * HOUR - 1000);
    expect(Date.parse(body.deleteAt!) - Date.parse(body.expiresAt!)).toBe(7 * DAY);
    expect(shown).toHaveTextContent(
      `This console deletes it ${formatDateTimeZone(body.deleteAt!)} if it is still inactive then`,
    );
    expect(fake.token(A)?.status).toBe('active');
  });

  it('Now, then delete 1 day after: the old token is deactivated when the person says so, then only deleteAt is sent', async () => {
    const { fake, user } = setup();
    const confirm = await openRotate(user);
    await user.selectOptions(
      await within(confirm).findByRole('combobox', { name: 'Then delete the old token' }),
      '1 day after it stops working',
    );
    await user.click(within(confirm).getByRole('button', { name: 'Create replacement' }));

    const shown = await created();
    expect(shown).toHaveTextContent('When you deactivate “ci writer” here, this console deletes it 1 day later');
    // Nothing about the old token is sent before the person says the new one is in place.
    expect(writes(fake)).toEqual(['POST /api/v2/authorizations']);
    fireEvent.copy(within(shown).getByRole('textbox', { name: /Token for/ }));
    const deactivated = Date.now();
    await user.click(within(shown).getByRole('button', { name: 'New token is in place: deactivate old' }));

    await waitFor(() => expect(fake.sent('PUT')).toHaveLength(1));
    expect(writes(fake)).toEqual([
      'POST /api/v2/authorizations',
      `PATCH /api/v2/authorizations/${A}`,
      `PUT /api/app/expiry/${A}`,
    ]);
    expect(fake.patches()[0]!.body).toEqual({ status: 'inactive' });
    const body = fake.sent('PUT')[0]!.body as SetExpiryBody;
    expect(Object.keys(body).sort()).toEqual(['deleteAt', 'orgID']);
    expect(Date.parse(body.deleteAt!) - deactivated).toBeGreaterThanOrEqual(DAY);
    expect(Date.parse(body.deleteAt!) - Date.now()).toBeLessThanOrEqual(DAY);
    expect(await screen.findByText(/^“ci writer” is deleted .+ if it is still inactive then$/)).toBeInTheDocument();
  });

  it('Now with a deletion, but the old token kept active: no deletion is sent', async () => {
    const { fake, user } = setup();
    const confirm = await openRotate(user);
    await user.selectOptions(
      await within(confirm).findByRole('combobox', { name: 'Then delete the old token' }),
      '30 days after',
    );
    await user.click(within(confirm).getByRole('button', { name: 'Create replacement' }));
    const shown = await created();
    fireEvent.copy(within(shown).getByRole('textbox', { name: /Token for/ }));
    await user.click(within(shown).getByRole('button', { name: 'Keep old token active' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(writes(fake)).toEqual(['POST /api/v2/authorizations']);
  });

  it('when saving the stop and deletion fails: the secret stays on screen, and both are plainly NOT scheduled', async () => {
    const { fake, user } = setup();
    const confirm = await openRotate(user);
    await user.click(await within(confirm).findByRole('radio', { name: 'In 7 days' }));
    await user.selectOptions(
      within(confirm).getByRole('combobox', { name: 'Then delete the old token' }),
      '30 days after',
    );
    fake.failNext('PUT', 503, 'the console store is not writable');
    await user.click(within(confirm).getByRole('button', { name: 'Create replacement' }));

    const shown = await created();
    expect((within(shown).getByRole('textbox', { name: /Token for/ }) as HTMLTextAreaElement).value).toMatch(
      /^new-token-1-/,
    );
    expect(within(shown).getByRole('alert')).toHaveTextContent(
      'The new token was created, but “ci writer” was NOT scheduled to stop, nor to be deleted: the console store is not writable.',
    );
    expect(fake.governance.expiries.has(A)).toBe(false);
    expect(within(shown).getByRole('button', { name: 'New token is in place: deactivate old' })).toBeInTheDocument();
  });
});
