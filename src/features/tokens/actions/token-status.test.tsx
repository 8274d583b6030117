import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeInflux } from '../../../testing/fake-influx';
import { renderApp } from '../../../testing/render-app';
import { makeToken } from '../../../testing/token-factory';

const A = 'aaaaaaaaaaaaaaa1';
const B = 'aaaaaaaaaaaaaaa2';

function setup(path = `/tokens/${A}`) {
  const fake = new FakeInflux({
    tokens: [
      makeToken({ id: A, description: 'ci writer' }),
      makeToken({ id: B, description: 'grafana', status: 'inactive' }),
    ],
  });
  return { fake, ...renderApp(path) };
}

/** The row's status label, read even while the drawer hides the page from assistive technology. */
function rowStatus(id: string): string | null | undefined {
  return document.querySelector(`[data-open-token="${id}"]`)?.closest('[role="row"]')?.querySelector('.status-badge')
    ?.textContent;
}

describe('the Active switch', () => {
  it('deactivates at once with one PATCH, says so with an Undo that sends the opposite PATCH', async () => {
    const { fake, user } = setup();
    const dialog = await screen.findByRole('dialog', { name: /ci writer/ });
    const active = within(dialog).getByRole('switch', { name: 'Active' });
    expect(active).toBeChecked();

    const release = fake.holdPatches();
    await user.click(active);
    expect(active).not.toBeChecked();
    await waitFor(() => expect(rowStatus(A)).toBe('Inactive'));
    release();

    expect(await within(dialog).findByText('Token “ci writer” deactivated')).toBeInTheDocument();
    expect(fake.token(A)?.status).toBe('inactive');
    expect(fake.patches().map((r) => r.body)).toEqual([{ status: 'inactive' }]);

    await user.click(within(dialog).getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(fake.token(A)?.status).toBe('active'));
    expect(active).toBeChecked();
    expect(fake.patches().map((r) => r.body)).toEqual([{ status: 'inactive' }, { status: 'active' }]);
    expect(await within(dialog).findByText('Token “ci writer” activated')).toBeInTheDocument();
  });

  it('rolls back and explains when the change fails', async () => {
    const { fake, user } = setup();
    fake.failNext('PATCH', 502, 'InfluxDB at http://127.0.0.1:8086 is unreachable: connection refused');
    const dialog = await screen.findByRole('dialog', { name: /ci writer/ });
    const active = within(dialog).getByRole('switch', { name: 'Active' });
    await user.click(active);
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent(
      'Could not deactivate “ci writer”: InfluxDB at http://127.0.0.1:8086 is unreachable',
    );
    expect(active).toBeChecked();
    expect(rowStatus(A)).toBe('Active');
    expect(fake.token(A)?.status).toBe('active');
  });

  it('toggles with the keyboard (Space)', async () => {
    const { fake, user } = setup(`/tokens/${B}`);
    const dialog = await screen.findByRole('dialog', { name: /grafana/ });
    const active = within(dialog).getByRole('switch', { name: 'Active' });
    expect(active).not.toBeChecked();
    active.focus();
    await user.keyboard(' ');
    expect(active).toBeChecked();
    await waitFor(() => expect(fake.token(B)?.status).toBe('active'));
  });

  it('ends in the last chosen state after quick toggles across tokens, even when answers come back out of order', async () => {
    const { fake, user } = setup('/tokens');
    // The second PATCH (back to active) is slow: sent concurrently with the third, it would land last and win.
    fake.patchDelays = [0, 150, 0, 0];
    await user.click(await screen.findByRole('button', { name: 'ci writer' }));
    let dialog = await screen.findByRole('dialog', { name: /ci writer/ });
    const switchA = within(dialog).getByRole('switch', { name: 'Active' });
    await user.click(switchA); // inactive
    await user.click(switchA); // active
    await user.click(switchA); // inactive
    expect(switchA).not.toBeChecked();
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));

    await user.click(await screen.findByRole('button', { name: 'grafana' }));
    dialog = await screen.findByRole('dialog', { name: /grafana/ });
    await user.click(within(dialog).getByRole('switch', { name: 'Active' })); // active
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));

    await waitFor(() => expect(fake.patches()).toHaveLength(4));
    await waitFor(() => {
      expect(fake.token(A)?.status).toBe('inactive');
      expect(fake.token(B)?.status).toBe('active');
    });
    expect(
      fake
        .patches()
        .filter((r) => r.path.endsWith(A))
        .map((r) => r.body),
    ).toEqual([{ status: 'inactive' }, { status: 'active' }, { status: 'inactive' }]);
    // The list, refetched once the last change settled, agrees with the server.
    await waitFor(() => {
      expect(rowStatus(A)).toBe('Inactive');
      expect(rowStatus(B)).toBe('Active');
    });
  });
});

describe('Deactivate from the row menu', () => {
  it('when InfluxDB may have made the change anyway, says so without mentioning a switch the row does not have', async () => {
    const { fake, user } = setup('/tokens');
    fake.failNext('PATCH', 504, 'InfluxDB did not answer within 30 s');
    await user.click(await screen.findByRole('button', { name: 'Actions for ci writer' }));
    await user.click(await screen.findByRole('menuitem', { name: /^Deactivate/ }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not deactivate “ci writer”');
    expect(alert).toHaveTextContent(
      'InfluxDB may have made the change anyway: reload the page to see the status it has now.',
    );
    expect(alert).not.toHaveTextContent(/switch/i);
  });
});
