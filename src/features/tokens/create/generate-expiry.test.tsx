import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeInflux } from '../../../testing/fake-influx';
import { renderApp } from '../../../testing/render-app';
import { makeToken, ORG_ID } from '../../../testing/token-factory';
import { toLocalInputValue } from '../model/expiry';

const DAY = 24 * 60 * 60 * 1000;

function setup(maxLifetimeDays: number | null = null) {
  const fake = new FakeInflux({ tokens: [makeToken({ description: 'existing' })] });
  fake.governance.maxLifetimeDays = maxLifetimeDays;
  return { fake, ...renderApp() };
}

async function openGenerate(user: ReturnType<typeof setup>['user'], item: 'All Access API Token' | 'Custom API Token') {
  await user.click(await screen.findByRole('button', { name: 'Generate API Token' }));
  await user.click(await screen.findByRole('menuitem', { name: new RegExp(item) }));
  return screen.findByRole('dialog', { name: `Generate ${item}` });
}

const putsOf = (fake: FakeInflux) =>
  fake.sent('PUT').map((r) => ({ path: r.path, body: r.body as { expiresAt: string } }));

describe('Generate with an expiry', { timeout: 20_000 }, () => {
  it('offers 7, 30, 90 days, a date or never (the default), and sets the chosen one once the token exists', async () => {
    const { fake, user } = setup();
    const dialog = await openGenerate(user, 'All Access API Token');
    const group = await within(dialog).findByRole('group', { name: 'Expiry' });
    expect(group).toHaveAccessibleDescription(/InfluxDB itself does not enforce expiry/);
    expect(
      within(group)
        .getAllByRole('radio')
        .map((r) => r.closest('label')?.textContent),
    ).toEqual(['In 7 days', 'In 30 days', 'In 90 days', 'On a date', 'Never']);
    expect(within(group).getByRole('radio', { name: 'Never' })).toBeChecked();
    await user.type(within(dialog).getByRole('textbox', { name: 'Description' }), 'weekly job');
    await user.click(within(group).getByRole('radio', { name: 'In 7 days' }));
    const generate = within(dialog).getByRole('button', { name: 'Generate' });
    await waitFor(() => expect(generate).toBeEnabled());
    await user.click(generate);

    const shown = await screen.findByRole('dialog', { name: /API token created/ });
    const created = fake.tokens.find((t) => t.description === 'weekly job')!;
    const [put] = putsOf(fake);
    expect(put?.path).toBe(`/api/app/expiry/${created.id}`);
    expect(put?.body).toMatchObject({ orgID: ORG_ID });
    expect(Math.abs(Date.parse(put!.body.expiresAt) - Date.now() - 7 * DAY)).toBeLessThan(60_000);
    expect(within(shown).getByText(/This token expires .*: this console deactivates it then\./)).toBeInTheDocument();
    expect(fake.governance.expiries.get(created.id)?.state).toBe('scheduled');
  });

  it('sends no expiry for "Never"', async () => {
    const { fake, user } = setup();
    const dialog = await openGenerate(user, 'All Access API Token');
    await within(dialog).findByRole('group', { name: 'Expiry' });
    const generate = within(dialog).getByRole('button', { name: 'Generate' });
    await waitFor(() => expect(generate).toBeEnabled());
    await user.click(generate);
    await screen.findByRole('dialog', { name: /API token created/ });
    expect(fake.sent('PUT')).toEqual([]);
  });

  it('with a lifetime policy, defaults to it, offers no "Never", and refuses a later date before sending', async () => {
    const { fake, user } = setup(30);
    const dialog = await openGenerate(user, 'Custom API Token');
    const group = await within(dialog).findByRole('group', { name: 'Expiry' });
    await waitFor(() => expect(within(group).getByRole('radio', { name: 'In 30 days' })).toBeChecked());
    expect(within(group).queryByRole('radio', { name: 'Never' })).not.toBeInTheDocument();
    expect(within(group).queryByRole('radio', { name: 'In 90 days' })).not.toBeInTheDocument();

    await user.click(await within(dialog).findByRole('checkbox', { name: 'Read bucket telegraf' }));
    await user.click(within(group).getByRole('radio', { name: 'On a date' }));
    const field = within(group).getByLabelText(/Expires at/);
    const tooLate = toLocalInputValue(Date.now() + 45 * DAY);
    fireEvent.change(field, { target: { value: tooLate } });
    await user.click(within(dialog).getByRole('button', { name: 'Generate' }));
    expect(await within(group).findByRole('alert')).toHaveTextContent(
      /beyond the longest lifetime allowed here, 30 days \(MAX_TOKEN_LIFETIME\): choose .* or earlier\./,
    );
    expect(fake.sent('POST')).toEqual([]);
    expect(field).toHaveValue(tooLate);
    expect(within(dialog).getByRole('checkbox', { name: 'Read bucket telegraf' })).toBeChecked();

    fireEvent.change(field, { target: { value: toLocalInputValue(Date.now() + 20 * DAY) } });
    await user.click(within(dialog).getByRole('button', { name: 'Generate' }));
    await screen.findByRole('dialog', { name: /API token created/ });
    expect(fake.sent('POST')).toHaveLength(1);
    expect(Date.parse(putsOf(fake)[0]!.body.expiresAt)).toBeLessThan(Date.now() + 21 * DAY);
  });

  it('says plainly when the token was created but its expiry could not be set', async () => {
    const { fake, user } = setup();
    const dialog = await openGenerate(user, 'Custom API Token');
    await user.type(within(dialog).getByRole('textbox', { name: 'Description' }), 'half done');
    await user.click(await within(dialog).findByRole('checkbox', { name: 'Read bucket telegraf' }));
    await user.click(within(dialog).getByRole('radio', { name: 'In 90 days' }));
    fake.failNext('PUT', 503, 'the console store is read-only', /\/api\/app\/expiry\//);
    await user.click(within(dialog).getByRole('button', { name: 'Generate' }));

    const shown = await screen.findByRole('dialog', { name: /API token created/ });
    expect(within(shown).getByRole('alert')).toHaveTextContent(
      'Token created, but its expiry was not set: the console store is read-only.',
    );
    // The secret is still shown once, and the token exists, without an expiry.
    const secret = within(shown).getByRole('textbox', { name: /Token for “half done”/ }) as HTMLTextAreaElement;
    expect(secret.value).toMatch(/^new-token-/);
    expect(fake.tokens.some((t) => t.description === 'half done')).toBe(true);
    expect(fake.governance.expiries.size).toBe(0);
  });

  it('says when expiry is unavailable and creates the token without one', async () => {
    const { fake, user } = setup();
    fake.governance.available = false;
    fake.governance.unavailableReason = 'no server-held token';
    const dialog = await openGenerate(user, 'All Access API Token');
    expect(await within(dialog).findByText(/Expiry: unavailable here \(no server-held token\)/)).toBeInTheDocument();
    expect(within(dialog).queryByRole('group', { name: 'Expiry' })).not.toBeInTheDocument();
    const generate = within(dialog).getByRole('button', { name: 'Generate' });
    await waitFor(() => expect(generate).toBeEnabled());
    await user.click(generate);
    await screen.findByRole('dialog', { name: /API token created/ });
    expect(fake.sent('PUT')).toEqual([]);
  });
});
