import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { formatDateTimeZone } from '../../../lib/format-time';
import { FakeInflux } from '../../../testing/fake-influx';
import { renderApp } from '../../../testing/render-app';
import { ciWriter, makeToken } from '../../../testing/token-factory';
import { toLocalInputValue } from '../model/expiry';

const A = 'aaaaaaaaaaaaaaa1';
const B = 'aaaaaaaaaaaaaaa2';
const HOUR = 60 * 60 * 1000;
const REPLACEMENT = `ci writer (replaces ${A})`;

function setup(configure?: (fake: FakeInflux) => void) {
  const fake = new FakeInflux({ tokens: [ciWriter(A), makeToken({ id: B, description: 'grafana' })] });
  configure?.(fake);
  return { fake, ...renderApp() };
}

async function openRotate(user: ReturnType<typeof renderApp>['user']) {
  await user.click(await screen.findByRole('button', { name: 'Actions for ci writer' }));
  await user.click(await screen.findByRole('menuitem', { name: /^Rotate/ }));
  return screen.findByRole('alertdialog', { name: 'Rotate “ci writer”?' });
}

const created = () => screen.findByRole('dialog', { name: 'Replacement created: copy it now' });
const secretOf = (dialog: HTMLElement) =>
  (within(dialog).getByRole('textbox', { name: `Token for “${REPLACEMENT}”` }) as HTMLTextAreaElement).value;

describe('Rotate with a grace period', { timeout: 20_000 }, () => {
  it('Now, the default: the old token stays active until the person says the new one is in place; no expiry', async () => {
    const { fake, user } = setup();
    const confirm = await openRotate(user);
    const choice = await within(confirm).findByRole('group', { name: 'When “ci writer” stops working' });
    expect(within(choice).getByRole('radio', { name: 'Now' })).toBeChecked();
    expect(confirm).toHaveAccessibleDescription(/stays active until you say the new token is in place/);
    await user.click(within(confirm).getByRole('button', { name: 'Create replacement' }));

    const shown = await created();
    expect(secretOf(shown)).toMatch(/^new-token-1-/);
    expect(shown).toHaveTextContent('“ci writer” is still active.');
    expect(fake.sent('PUT')).toEqual([]);
    expect(fake.governance.expiries.has(A)).toBe(false);
    fireEvent.copy(within(shown).getByRole('textbox', { name: /Token for/ }));
    await user.click(within(shown).getByRole('button', { name: 'New token is in place: deactivate old' }));
    await waitFor(() => expect(fake.token(A)?.status).toBe('inactive'));
  });

  it('in 24 hours: the old token stays active, its expiry is set about a day ahead, and the result says until when', async () => {
    const { fake, user } = setup();
    const confirm = await openRotate(user);
    await user.click(await within(confirm).findByRole('radio', { name: 'In 24 hours' }));
    expect(confirm).toHaveAccessibleDescription(/stays active until the time chosen below/);
    const before = Date.now();
    await user.click(within(confirm).getByRole('button', { name: 'Create replacement' }));

    const shown = await created();
    const after = Date.now();
    const expiry = fake.governance.expiries.get(A);
    expect(expiry?.state).toBe('scheduled');
    const at = Date.parse(expiry!.expiresAt);
    expect(at).toBeGreaterThanOrEqual(before + 24 * HOUR - 1000);
    expect(at).toBeLessThanOrEqual(after + 24 * HOUR);
    // Set on the old token, after the new one exists; the old one is not switched off.
    expect(fake.requests.map((r) => `${r.method} ${r.path}`).filter((r) => /^(POST|PUT|PATCH)/.test(r))).toEqual([
      'POST /api/v2/authorizations',
      `PUT /api/app/expiry/${A}`,
    ]);
    expect(fake.token(A)?.status).toBe('active');
    expect(shown).toHaveTextContent(
      `The old token “ci writer” stays active until ${formatDateTimeZone(expiry!.expiresAt)}; cancel that in its drawer.`,
    );
    // Nothing left to do here: no "deactivate old" step, only Close.
    expect(within(shown).queryByRole('button', { name: /deactivate old/ })).not.toBeInTheDocument();
    fireEvent.copy(within(shown).getByRole('textbox', { name: /Token for/ }));
    await user.click(within(shown).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(fake.token(A)?.status).toBe('active');
    const row = screen.getByRole('button', { name: 'ci writer' }).closest('[role="row"]');
    // "in 1 day" when the list's clock (it ticks every 30 s) read the time a moment before the choice was made.
    await waitFor(() =>
      expect(row?.querySelector('[data-label="Expires"]')).toHaveTextContent(/^in (24 hours|1 day)$/),
    );
  });

  it('at a chosen time: the time typed, to the minute; a past one is refused before anything is created', async () => {
    const { fake, user } = setup();
    const confirm = await openRotate(user);
    await user.click(await within(confirm).findByRole('radio', { name: 'At a chosen time' }));
    const field = within(confirm).getByLabelText(/^Stops at/);
    fireEvent.change(field, { target: { value: toLocalInputValue(Date.now() - 2 * HOUR) } });
    await user.click(within(confirm).getByRole('button', { name: 'Create replacement' }));
    expect(await within(confirm).findByRole('alert')).toHaveTextContent(/has passed: choose a later time\./);
    expect(fake.sent('POST')).toEqual([]);
    expect(fake.tokens).toHaveLength(2);

    const when = Date.now() + 3 * HOUR;
    fireEvent.change(field, { target: { value: toLocalInputValue(when) } });
    expect(within(confirm).queryByRole('alert')).not.toBeInTheDocument();
    await user.click(within(confirm).getByRole('button', { name: 'Create replacement' }));
    await created();
    expect(Math.abs(Date.parse(fake.governance.expiries.get(A)!.expiresAt) - when)).toBeLessThan(60_000);
  });

  it('does not put off an expiry the old token already has', async () => {
    const soon = new Date(Date.now() + 2 * HOUR).toISOString();
    const { fake, user } = setup((f) => f.governance.seedExpiry(A, soon));
    const confirm = await openRotate(user);
    await user.click(await within(confirm).findByRole('radio', { name: 'In 24 hours' }));
    await user.click(within(confirm).getByRole('button', { name: 'Create replacement' }));
    expect(await within(confirm).findByRole('alert')).toHaveTextContent(
      `“ci writer” already expires ${formatDateTimeZone(soon)}, before that: choose an earlier time, or Now.`,
    );
    expect(fake.sent('POST')).toEqual([]);
    expect(fake.governance.expiries.get(A)?.expiresAt).toBe(soon);
  });

  it('when setting the expiry fails: the new token is still shown, with the old one plainly NOT scheduled', async () => {
    const { fake, user } = setup();
    const confirm = await openRotate(user);
    await user.click(await within(confirm).findByRole('radio', { name: 'In 7 days' }));
    fake.failNext('PUT', 503, 'the console store is not writable');
    await user.click(within(confirm).getByRole('button', { name: 'Create replacement' }));

    const shown = await created();
    expect(secretOf(shown)).toMatch(/^new-token-1-/);
    expect(fake.token(fake.tokens[2]!.id)?.description).toBe(REPLACEMENT);
    expect(within(shown).getByRole('alert')).toHaveTextContent(
      'The new token was created, but “ci writer” was NOT scheduled to stop: the console store is not writable.',
    );
    expect(fake.governance.expiries.has(A)).toBe(false);
    expect(fake.token(A)?.status).toBe('active');
    // Today's way out is still there.
    expect(within(shown).getByRole('button', { name: 'New token is in place: deactivate old' })).toBeInTheDocument();
  });

  it('offers only Now, and says why, when this console cannot schedule a deactivation', async () => {
    const reason = 'this console runs on a pasted token only, with no server-held token to deactivate tokens with.';
    const { fake, user } = setup((f) => {
      f.governance.available = false;
      f.governance.unavailableReason = reason;
    });
    const confirm = await openRotate(user);
    expect(await within(confirm).findByText(new RegExp(`A later time is not offered: ${reason}`))).toBeInTheDocument();
    expect(within(confirm).queryByRole('radio')).not.toBeInTheDocument();
    await user.click(within(confirm).getByRole('button', { name: 'Create replacement' }));
    const shown = await created();
    expect(shown).toHaveTextContent('“ci writer” is still active.');
    expect(fake.sent('PUT')).toEqual([]);
  });
});

describe('Rotate with a grace period, under a policy and for the page’s own token', { timeout: 20_000 }, () => {
  it('offers no preset beyond MAX_TOKEN_LIFETIME, and says the stop can be changed (not cleared) in the drawer', async () => {
    const { fake, user } = setup((f) => (f.governance.maxLifetimeDays = 1));
    const confirm = await openRotate(user);
    await user.click(await within(confirm).findByRole('radio', { name: 'In 24 hours' }));
    expect(within(confirm).queryByRole('radio', { name: 'In 7 days' })).not.toBeInTheDocument();
    await user.click(within(confirm).getByRole('button', { name: 'Create replacement' }));
    const shown = await created();
    const expiry = fake.governance.expiries.get(A)!;
    expect(shown).toHaveTextContent(
      `The old token “ci writer” stays active until ${formatDateTimeZone(expiry.expiresAt)}; change that in its drawer.`,
    );
  });

  it('warns that a later stop of the page’s own token ends the console’s access then', async () => {
    const { user } = setup((f) => (f.ownToken = { state: 'active', id: A, source: 'server', recoverable: false }));
    const confirm = await openRotate(user);
    const warning = /This is the token this page runs on: at that time, the console loses its own access\./;
    await user.click(await within(confirm).findByRole('radio', { name: 'In 1 hour' }));
    expect(confirm).toHaveTextContent(warning);
    await user.click(within(confirm).getByRole('radio', { name: 'Now' }));
    expect(confirm).not.toHaveTextContent(warning);
  });
});

describe('the trail is told what kind of create it was', { timeout: 20_000 }, () => {
  it('Rotate sends "rotate" and Clone "clone" in x-token-manager-action; Generate sends none', async () => {
    const { fake, user } = setup();
    const confirm = await openRotate(user);
    await user.click(within(confirm).getByRole('button', { name: 'Create replacement' }));
    const rotated = await created();
    fireEvent.copy(within(rotated).getByRole('textbox', { name: /Token for/ }));
    await user.click(within(rotated).getByRole('button', { name: 'Keep old token active' }));

    await user.click(await screen.findByRole('button', { name: 'Actions for grafana' }));
    await user.click(await screen.findByRole('menuitem', { name: /Clone/ }));
    const form = await screen.findByRole('dialog', { name: 'Clone “grafana”' });
    await user.click(within(form).getByRole('button', { name: 'Clone' }));
    const cloned = await screen.findByRole('dialog', { name: /Token cloned/ });
    fireEvent.copy(within(cloned).getByRole('textbox', { name: /Token for/ }));
    await user.click(within(cloned).getByRole('button', { name: 'Close' }));

    await user.click(await screen.findByRole('button', { name: 'Generate API Token' }));
    await user.click(await screen.findByRole('menuitem', { name: /All Access API Token/ }));
    const generate = await screen.findByRole('dialog', { name: 'Generate All Access API Token' });
    await user.type(within(generate).getByRole('textbox', { name: 'Description' }), 'plain');
    const button = within(generate).getByRole('button', { name: 'Generate' });
    await waitFor(() => expect(button).toBeEnabled());
    await user.click(button);
    await screen.findByRole('dialog', { name: /API token created/ });

    expect(fake.sent('POST').map((r) => r.action)).toEqual(['rotate', 'clone', null]);
  });
});
