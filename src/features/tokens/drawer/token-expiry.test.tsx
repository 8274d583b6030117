import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { formatDateTimeZone } from '../../../lib/format-time';
import { FakeInflux } from '../../../testing/fake-influx';
import { renderApp } from '../../../testing/render-app';
import { ciWriter, ORG_ID } from '../../../testing/token-factory';
import { toLocalInputValue } from '../model/expiry';

const ID = 'aaaaaaaaaaaaaaa1';
const DAY = 24 * 60 * 60 * 1000;

async function openDrawer(setupFake?: (fake: FakeInflux) => void) {
  const fake = new FakeInflux({ tokens: [ciWriter(ID)] });
  setupFake?.(fake);
  const page = renderApp(`/tokens/${ID}`);
  const dialog = await screen.findByRole('dialog', { name: /ci writer/ });
  const section = (await within(dialog).findByRole('region', { name: 'Expiry' })) as HTMLElement;
  return { fake, dialog, section, ...page };
}

const puts = (fake: FakeInflux) => fake.sent('PUT').map((r) => ({ path: r.path, body: r.body }));

describe('the drawer’s Expiry', () => {
  it('sets an expiry with a preset, shows it with its time zone, and says InfluxDB does not enforce it', async () => {
    const { fake, section, user } = await openDrawer();
    expect(await within(section).findByText('Never expires.')).toBeInTheDocument();
    expect(section).toHaveTextContent('InfluxDB itself does not enforce expiry');
    const before = Date.now();
    await user.click(within(section).getByRole('radio', { name: 'In 30 days' }));
    await user.click(within(section).getByRole('button', { name: 'Save expiry' }));

    expect(await within(section).findByRole('status')).toHaveTextContent(/Saved: this token expires /);
    const [put] = puts(fake);
    expect(put?.path).toBe(`/api/app/expiry/${ID}`);
    const body = put?.body as { orgID: string; expiresAt: string };
    expect(body.orgID).toBe(ORG_ID);
    expect(Date.parse(body.expiresAt) - before).toBeGreaterThanOrEqual(30 * DAY);
    expect(Date.parse(body.expiresAt) - Date.now()).toBeLessThanOrEqual(30 * DAY);
    // The date with its zone (e.g. "12 Dec 2026, 14:00 UTC"), and how far off it is.
    await waitFor(() =>
      expect(section).toHaveTextContent(/Expires \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \S+ \(in 30 days\)/),
    );
    expect(fake.governance.expiries.get(ID)?.state).toBe('scheduled');
    // The list behind the drawer shows it too.
    const row = screen.getByRole('button', { name: 'ci writer', hidden: true }).closest('[role="row"]');
    expect(row?.querySelector('[data-label="Expires"]')).toHaveTextContent('in 30 days');
  });

  it('sets a date and time typed in the field, then clears it with Never', async () => {
    const { fake, section, user } = await openDrawer();
    await user.click(await within(section).findByRole('radio', { name: 'On a date' }));
    const when = Date.now() + 10 * DAY;
    const field = within(section).getByLabelText(/Expires at/);
    fireEvent.change(field, { target: { value: toLocalInputValue(when) } });
    await user.click(within(section).getByRole('button', { name: 'Save expiry' }));
    await waitFor(() => expect(fake.governance.expiries.get(ID)).toBeDefined());
    // To the minute, in the browser's time zone.
    expect(Math.abs(Date.parse(fake.governance.expiries.get(ID)!.expiresAt) - when)).toBeLessThan(60_000);
    await waitFor(() => expect(section).toHaveTextContent('(in 10 days)'));

    await user.click(within(section).getByRole('radio', { name: 'Never' }));
    await user.click(within(section).getByRole('button', { name: 'Save expiry' }));
    expect(await within(section).findByText('Never expires.')).toBeInTheDocument();
    expect(fake.governance.expiries.has(ID)).toBe(false);
    expect((puts(fake).at(-1)?.body as { expiresAt: unknown }).expiresAt).toBeNull();
  });

  it('cancels a scheduled expiry in one click, and the token keeps working', async () => {
    const { fake, section, user } = await openDrawer((f) =>
      f.governance.seedExpiry(ID, new Date(Date.now() + DAY).toISOString()),
    );
    await within(section).findByRole('button', { name: 'Cancel this expiry (keep it active)' });
    await user.click(within(section).getByRole('button', { name: 'Cancel this expiry (keep it active)' }));
    expect(await within(section).findByText('Never expires.')).toBeInTheDocument();
    expect(puts(fake)).toEqual([{ path: `/api/app/expiry/${ID}`, body: { orgID: ORG_ID, expiresAt: null } }]);
    expect(fake.governance.expiries.has(ID)).toBe(false);
  });

  it('refuses a past date before sending anything, and keeps it to correct', async () => {
    const { fake, section, user } = await openDrawer();
    await user.click(await within(section).findByRole('radio', { name: 'On a date' }));
    const field = within(section).getByLabelText(/Expires at/);
    const past = toLocalInputValue(Date.now() - DAY);
    fireEvent.change(field, { target: { value: past } });
    await user.click(within(section).getByRole('button', { name: 'Save expiry' }));
    expect(await within(section).findByRole('alert')).toHaveTextContent(/has passed: choose a later time/);
    expect(field).toHaveValue(past);
    expect(field).toHaveAccessibleDescription(/has passed/);
    expect(puts(fake)).toEqual([]);
  });

  it('shows the server’s refusal next to the choice and keeps what was typed', async () => {
    const { fake, section, user } = await openDrawer();
    await user.click(await within(section).findByRole('radio', { name: 'On a date' }));
    const field = within(section).getByLabelText(/Expires at/);
    const typed = toLocalInputValue(Date.now() + 5 * DAY);
    fireEvent.change(field, { target: { value: typed } });
    fake.failNext(
      'PUT',
      422,
      'expiresAt is beyond MAX_TOKEN_LIFETIME (3 days from now)',
      /expiry/,
      'unprocessable entity',
    );
    await user.click(within(section).getByRole('button', { name: 'Save expiry' }));
    expect(await within(section).findByRole('alert')).toHaveTextContent(
      'Could not save the expiry: expiresAt is beyond MAX_TOKEN_LIFETIME (3 days from now)',
    );
    expect(within(section).getByRole('radio', { name: 'On a date' })).toBeChecked();
    expect(field).toHaveValue(typed);
    expect(within(section).getByText('Never expires.')).toBeInTheDocument();
    expect(fake.governance.expiries.has(ID)).toBe(false);
  });

  it('shows an overdue expiry and why, with the date it was due', async () => {
    const { section } = await openDrawer((fake) =>
      fake.governance.seedExpiry(ID, new Date(Date.now() - 60 * 60 * 1000).toISOString(), 'overdue', {
        lastError: 'InfluxDB did not answer',
      }),
    );
    expect(await within(section).findByText(/^Expiry overdue: due/)).toHaveTextContent('(InfluxDB did not answer)');
    expect(within(section).getByRole('group', { name: 'Change expiry' })).toBeInTheDocument();
  });

  it('when unavailable here, disables the control and says why', async () => {
    const { fake, section } = await openDrawer((fake) => {
      fake.governance.available = false;
      fake.governance.unavailableReason = 'the console holds no token of its own (only a pasted one).';
    });
    expect(
      await within(section).findByText(
        'Expiry is unavailable here: the console holds no token of its own (only a pasted one).',
      ),
    ).toBeInTheDocument();
    for (const radio of within(section).getAllByRole('radio')) expect(radio).toBeDisabled();
    expect(within(section).queryByRole('button', { name: 'Save expiry' })).not.toBeInTheDocument();
    expect(puts(fake)).toEqual([]);
  });

  it('with a lifetime policy, offers no "Never" and no longer preset', async () => {
    const { section } = await openDrawer((fake) => (fake.governance.maxLifetimeDays = 30));
    const group = await within(section).findByRole('group', { name: 'Set expiry' });
    expect(
      within(group)
        .getAllByRole('radio')
        .map((r) => r.closest('label')?.textContent),
    ).toEqual(['In 7 days', 'In 30 days', 'On a date']);
    expect(within(group).getByRole('radio', { name: 'In 30 days' })).toBeChecked();
  });
});

describe('the drawer’s deletion after the grace period', () => {
  const stopped = new Date(Date.now() - DAY).toISOString();
  const deleteAt = new Date(Date.now() + 6 * DAY).toISOString();
  const pending = (fake: FakeInflux) => {
    fake.token(ID)!.status = 'inactive';
    fake.governance.seedExpiry(ID, stopped, 'deactivated', { deactivatedAt: stopped, deleteAt });
  };

  it('on a token switched off by hand (rotate now, delete later), says it has no expiry, not that it expired', async () => {
    const { section } = await openDrawer((fake) => {
      fake.token(ID)!.status = 'inactive';
      fake.governance.seedExpiry(ID, stopped, 'deactivated', { deactivatedAt: stopped, deleteAt, deletionOnly: true });
    });
    expect(await within(section).findByText('No expiry: it was already switched off.')).toBeInTheDocument();
    expect(section).not.toHaveTextContent('Expired');
    expect(section).toHaveTextContent(
      `Deleted by this console on ${formatDateTimeZone(deleteAt)} if still inactive then.`,
    );
  });

  it('shows the pending deletion with its time zone, how to keep the token, and cancels it in one click', async () => {
    const { fake, section, user } = await openDrawer(pending);
    const text = `Deleted by this console on ${formatDateTimeZone(deleteAt)} if still inactive then.`;
    expect(await within(section).findByText((_, el) => el?.textContent === text)).toBeInTheDocument();
    expect(section).toHaveTextContent('Switch it back on to keep it: that cancels the deletion.');

    await user.click(within(section).getByRole('button', { name: 'Cancel the deletion' }));
    expect(await within(section).findByRole('status')).toHaveTextContent('Deletion cancelled');
    expect(puts(fake)).toEqual([{ path: `/api/app/expiry/${ID}`, body: { orgID: ORG_ID, deleteAt: null } }]);
    await waitFor(() => expect(section).not.toHaveTextContent('if still inactive then'));
    expect(within(section).queryByRole('button', { name: 'Cancel the deletion' })).not.toBeInTheDocument();
    // Only the deletion went: the token stays deactivated at its expiry.
    expect(fake.governance.expiries.get(ID)?.state).toBe('deactivated');
  });

  it('switching the token back on (one click) shows the deletion gone, as the server drops it', async () => {
    const { fake, dialog, section, user } = await openDrawer(pending);
    await within(section).findByRole('button', { name: 'Cancel the deletion' });
    // What the app server does when a token with a pending deletion is switched back on; the page reads it afresh.
    const { deleteAt: _dropped, ...kept } = fake.governance.expiries.get(ID)!;
    fake.governance.expiries.set(ID, kept);
    await user.click(within(dialog).getByRole('switch', { name: 'Active' }));
    await waitFor(() => expect(fake.token(ID)?.status).toBe('active'));
    await waitFor(() => expect(section).not.toHaveTextContent('if still inactive then'));
    expect(puts(fake)).toEqual([]);
  });

  it('says why the deletion could not be cancelled, and still shows it', async () => {
    const { fake, section, user } = await openDrawer(pending);
    await within(section).findByRole('button', { name: 'Cancel the deletion' });
    fake.failNext('PUT', 503, 'the console store is not writable');
    await user.click(within(section).getByRole('button', { name: 'Cancel the deletion' }));
    expect(await within(section).findByRole('status')).toHaveTextContent(
      'Could not cancel the deletion: the console store is not writable',
    );
    expect(section).toHaveTextContent('if still inactive then');
    expect(fake.governance.expiries.get(ID)?.deleteAt).toBe(deleteAt);
  });

  it('on a token still active (its grace period running), gives no switch-back hint', async () => {
    const { section } = await openDrawer((fake) => {
      fake.governance.seedExpiry(ID, new Date(Date.now() + DAY).toISOString(), 'scheduled', { deleteAt });
    });
    expect(await within(section).findByRole('button', { name: 'Cancel the deletion' })).toBeInTheDocument();
    expect(section).not.toHaveTextContent('Switch it back on to keep it');
  });

  it('says when this console deleted it', async () => {
    const { section } = await openDrawer((fake) =>
      fake.governance.seedExpiry(ID, stopped, 'gone', { deleteAt: stopped, deletedAt: stopped }),
    );
    expect(
      await within(section).findByText(
        (_, el) => el?.textContent === `Deleted by this console on ${formatDateTimeZone(stopped)}.`,
      ),
    ).toBeInTheDocument();
    expect(within(section).queryByRole('button', { name: 'Cancel the deletion' })).not.toBeInTheDocument();
  });
});
