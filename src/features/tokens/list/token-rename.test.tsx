import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeInflux } from '../../../testing/fake-influx';
import { renderApp } from '../../../testing/render-app';
import { makeToken } from '../../../testing/token-factory';

const ID = 'aaaaaaaaaaaaaaa1';

function setup() {
  const fake = new FakeInflux({
    tokens: [
      makeToken({ id: ID, description: 'ci writer' }),
      makeToken({ id: 'aaaaaaaaaaaaaaa2', description: 'other' }),
    ],
  });
  const app = renderApp();
  return { fake, ...app };
}

async function rowOf(name: string) {
  return (await screen.findByRole('button', { name })).closest('[role="row"]') as HTMLElement;
}

describe('renaming with the pencil', () => {
  it('saves on Enter, shows the new name at once, and sends one PATCH', async () => {
    const { fake, user } = setup();
    const row = await rowOf('ci writer');
    await user.click(within(row).getByRole('button', { name: 'Edit description' }));
    const box = within(row).getByRole('textbox', { name: 'Description' });
    expect(box).toHaveValue('ci writer');
    expect(box).toHaveFocus();
    expect(box).toHaveAttribute('maxLength', '255');

    const release = fake.holdPatches();
    await user.clear(box);
    await user.type(box, '  ci writer (prod)  {Enter}');
    // Optimistic: the row shows the name while the PATCH is still held.
    expect(within(row).getByRole('button', { name: 'ci writer (prod)' })).toBeInTheDocument();
    expect(within(row).getByRole('button', { name: 'Edit description' })).toHaveFocus();
    release();
    await waitFor(() => expect(fake.token(ID)?.description).toBe('ci writer (prod)'));
    expect(fake.patches()).toEqual([
      expect.objectContaining({ path: `/api/v2/authorizations/${ID}`, body: { description: 'ci writer (prod)' } }),
    ]);
  });

  it('saves when focus moves elsewhere', async () => {
    const { fake, user } = setup();
    const row = await rowOf('ci writer');
    await user.click(within(row).getByRole('button', { name: 'Edit description' }));
    await user.clear(within(row).getByRole('textbox', { name: 'Description' }));
    await user.type(within(row).getByRole('textbox', { name: 'Description' }), 'renamed by blur');
    await user.click(screen.getByRole('heading', { name: 'API Tokens' }));
    expect(await screen.findByRole('button', { name: 'renamed by blur' })).toBeInTheDocument();
    await waitFor(() => expect(fake.token(ID)?.description).toBe('renamed by blur'));
    expect(fake.patches()).toHaveLength(1);
  });

  it('cancels on Escape and sends nothing', async () => {
    const { fake, user } = setup();
    const row = await rowOf('ci writer');
    await user.click(within(row).getByRole('button', { name: 'Edit description' }));
    await user.type(within(row).getByRole('textbox', { name: 'Description' }), ' and more{Escape}');
    expect(within(row).queryByRole('textbox')).not.toBeInTheDocument();
    expect(within(row).getByRole('button', { name: 'ci writer' })).toBeInTheDocument();
    expect(within(row).getByRole('button', { name: 'Edit description' })).toHaveFocus();
    await user.click(screen.getByRole('heading', { name: 'API Tokens' }));
    expect(fake.patches()).toHaveLength(0);
  });

  it('sends nothing for an unchanged name, and clears the description when emptied, as InfluxDB allows', async () => {
    const { fake, user } = setup();
    const row = await rowOf('ci writer');
    await user.click(within(row).getByRole('button', { name: 'Edit description' }));
    await user.keyboard('{Enter}');
    expect(fake.patches()).toHaveLength(0);
    await user.click(within(row).getByRole('button', { name: 'Edit description' }));
    await user.clear(within(row).getByRole('textbox', { name: 'Description' }));
    await user.type(within(row).getByRole('textbox', { name: 'Description' }), '   ');
    await user.click(screen.getByRole('heading', { name: 'API Tokens' }));
    expect(within(row).getByRole('button', { name: '(no description)' })).toBeInTheDocument();
    await waitFor(() => expect(fake.token(ID)?.description).toBe(''));
    expect(fake.patches().map((r) => r.body)).toEqual([{ description: '' }]);
  });

  it('says at once, visibly, that a paste over the length limit was shortened', async () => {
    const { user } = setup();
    const row = await rowOf('ci writer');
    await user.click(within(row).getByRole('button', { name: 'Edit description' }));
    const box = within(row).getByRole('textbox', { name: 'Description' });
    await user.clear(box);
    await user.type(box, 'prefix ');
    await user.paste('x'.repeat(300));
    expect(await screen.findByText('Pasted text shortened to 255 characters')).toBeVisible();
    expect(
      screen.getByText('A description holds at most 255 characters: the last 52 of what you pasted were left out.'),
    ).toBeInTheDocument();
  });

  it('says nothing about a paste that fits', async () => {
    const { user } = setup();
    const row = await rowOf('ci writer');
    await user.click(within(row).getByRole('button', { name: 'Edit description' }));
    await user.paste('y'.repeat(200));
    expect(within(row).getByRole('textbox', { name: 'Description' })).toHaveValue('y'.repeat(200));
    expect(screen.queryByText(/Pasted text shortened/)).not.toBeInTheDocument();
  });

  it('never sends twice when Enter is followed by a blur', async () => {
    const { fake, user } = setup();
    const row = await rowOf('ci writer');
    await user.click(within(row).getByRole('button', { name: 'Edit description' }));
    await user.type(within(row).getByRole('textbox', { name: 'Description' }), '!{Enter}');
    await user.tab();
    await user.click(screen.getByRole('heading', { name: 'API Tokens' }));
    await waitFor(() => expect(fake.token(ID)?.description).toBe('ci writer!'));
    expect(fake.patches()).toHaveLength(1);
  });

  it('rolls back a failed save, says which token and why, and reopens the box with the typed text', async () => {
    const { fake, user } = setup();
    fake.failNext('PATCH', 502, 'InfluxDB at http://127.0.0.1:8086 is unreachable: connection refused');
    const row = await rowOf('ci writer');
    await user.click(within(row).getByRole('button', { name: 'Edit description' }));
    await user.clear(within(row).getByRole('textbox', { name: 'Description' }));
    await user.type(within(row).getByRole('textbox', { name: 'Description' }), 'my careful new name{Enter}');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'Could not rename “ci writer”: InfluxDB at http://127.0.0.1:8086 is unreachable: connection refused',
    );
    const box = await within(row).findByRole('textbox', { name: 'Description' });
    expect(box).toHaveValue('my careful new name');
    expect(fake.token(ID)?.description).toBe('ci writer');

    // Escape now discards the draft and shows the name the server still has.
    await user.click(box);
    await user.keyboard('{Escape}');
    expect(within(row).getByRole('button', { name: 'ci writer' })).toBeInTheDocument();

    // And a retry goes through.
    await user.click(within(row).getByRole('button', { name: 'Edit description' }));
    await user.type(within(row).getByRole('textbox', { name: 'Description' }), ' 2{Enter}');
    await waitFor(() => expect(fake.token(ID)?.description).toBe('ci writer 2'));
  });

  it('renames from the drawer too, and the list shows it', async () => {
    const { fake, user } = setup();
    await user.click(await screen.findByRole('button', { name: 'ci writer' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Edit description' }));
    const box = within(dialog).getByRole('textbox', { name: 'Description' });
    await user.clear(box);
    await user.type(box, 'from the drawer{Enter}');
    expect(within(dialog).getByRole('heading', { name: 'from the drawer' })).toBeInTheDocument();
    await waitFor(() => expect(fake.token(ID)?.description).toBe('from the drawer'));
    // Escape in the box cancels only the edit; the drawer stays open.
    await user.click(within(dialog).getByRole('button', { name: 'Edit description' }));
    await user.keyboard('{Escape}');
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(await screen.findByRole('button', { name: 'from the drawer' })).toBeInTheDocument();
    expect(fake.patches()).toHaveLength(1);
  });

  it('refetches a small list after a save, but only marks a very large one stale', async () => {
    const listFetches = (fake: FakeInflux) =>
      fake.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/api/v2/authorizations?')).length;
    const small = setup();
    const row = await rowOf('ci writer');
    await small.user.click(within(row).getByRole('button', { name: 'Edit description' }));
    await small.user.type(within(row).getByRole('textbox', { name: 'Description' }), '!{Enter}');
    await waitFor(() => expect(listFetches(small.fake)).toBe(2));
    small.unmount();

    const many = Array.from({ length: 6_000 }, (_, i) =>
      makeToken({ id: (0xc0000 + i).toString(16).padStart(16, '0'), description: `bulk ${i}` }),
    );
    const fake = new FakeInflux({ tokens: many });
    const { user, queryClient } = renderApp('/tokens?q=bulk 0');
    const first = await screen.findByRole('button', { name: 'bulk 0' }, { timeout: 15_000 });
    await user.click(
      within(first.closest('[role="row"]') as HTMLElement).getByRole('button', { name: 'Edit description' }),
    );
    await user.type(screen.getByRole('textbox', { name: 'Description' }), '!{Enter}');
    await waitFor(() => expect(fake.token(many[0]!.id)?.description).toBe('bulk 0!'));
    await waitFor(() => expect(queryClient.isMutating()).toBe(0));
    expect(
      queryClient
        .getQueryCache()
        .findAll({ queryKey: ['tokens', 'list'] })[0]
        ?.isStale(),
    ).toBe(true);
    expect(listFetches(fake)).toBe(1);
    expect(screen.getByRole('button', { name: 'bulk 0!' })).toBeInTheDocument();
  }, 30_000);
});
