import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ORG_ID } from '../../testing/token-factory';
import { CI, entry, setup } from './testing/fake-activity';

// The window virtualizer corrects the scroll position as rows are measured; jsdom has no scrolling.
beforeEach(() => {
  vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());

const bodyRows = () => screen.getAllByRole('row').slice(1);
const tokenNames = () => bodyRows().map((row) => within(row).getByRole('link').textContent);

describe('the Activity view', { timeout: 20_000 }, () => {
  it('shows each change newest first: when, token, action, before → after, who, from where', async () => {
    const { user, url } = setup([
      entry(1, { action: 'create', before: undefined, after: { description: 'ci deploy' }, via: 'api' }),
      entry(2, { action: 'rename', before: { description: 'ci' }, after: { description: 'ci deploy' } }),
      entry(3, { actor: { kind: 'pasted-token', description: 'laptop', user: 'bob', person: 'Bob Smith' } }),
    ]);
    expect(await screen.findByRole('heading', { name: 'Activity', level: 1 })).toBeInTheDocument();
    await waitFor(() => expect(bodyRows()).toHaveLength(3));
    const [newest, renamed, created] = bodyRows() as [HTMLElement, HTMLElement, HTMLElement];
    expect(newest).toHaveTextContent('Deactivated');
    expect(newest).toHaveTextContent('status: active → inactive');
    expect(newest).toHaveTextContent('Bob Smith');
    expect(newest).toHaveTextContent('page');
    expect(newest).toHaveTextContent(/\d+ hours? ago/);
    expect(newest).toHaveTextContent(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
    expect(renamed).toHaveTextContent('Renamed');
    expect(renamed).toHaveTextContent('description: “ci” → “ci deploy”');
    expect(renamed).toHaveTextContent("“admin's Token” (server token of admin)");
    expect(created).toHaveTextContent('Created');
    expect(created).toHaveTextContent('API (curl, CLI)');
    expect(created).toHaveTextContent(CI);

    await user.click(within(renamed).getByRole('link', { name: 'ci deploy' }));
    expect(url()).toBe(`/tokens/${CI}`);
  });

  it('loads older pages with `before` until the trail ends', async () => {
    const trail = Array.from({ length: 5 }, (_, i) => entry(i + 1, { description: `token ${i + 1}` }));
    const { activity } = setup(trail, '/activity', 2);
    await waitFor(() => expect(tokenNames()).toEqual(['token 5', 'token 4', 'token 3', 'token 2', 'token 1']));
    expect(activity.asked.map((q) => q.get('before'))).toEqual([null, '4', '2']);
    expect(activity.asked.every((q) => q.get('orgID') === ORG_ID)).toBe(true);
    expect(screen.getByText('No older entries.')).toBeInTheDocument();
    expect(screen.getByText('5 entries')).toBeInTheDocument();
  });

  it('says when older entries fail to load, keeps the rows it has, and Retry loads them', async () => {
    const trail = Array.from({ length: 3 }, (_, i) => entry(i + 1, { description: `token ${i + 1}` }));
    const { activity, user } = setup(trail, '/activity', 2);
    activity.failRequest(2);
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not load older entries: the store is locked');
    expect(tokenNames()).toEqual(['token 3', 'token 2']);
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(tokenNames()).toEqual(['token 3', 'token 2', 'token 1']));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows a failed first load with Retry', async () => {
    const { activity, user } = setup([entry(1)]);
    activity.failRequest(1);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the activity');
    expect(alert).toHaveTextContent('the store is locked');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(bodyRows()).toHaveLength(1));
  });

  it('says when there is no activity yet', async () => {
    setup([]);
    expect(
      await screen.findByRole('heading', { name: 'No activity yet: changes made through this console appear here' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Export' })).toBeDisabled();
  });

  it('is linked from the tokens page, and links back to it', async () => {
    const { user, url } = setup([entry(1)], '/tokens');
    await user.click(await screen.findByRole('link', { name: 'Activity' }));
    expect(url()).toBe('/activity');
    await user.click(await screen.findByRole('link', { name: 'API Tokens' }));
    expect(url()).toBe('/tokens');
    expect(await screen.findByRole('heading', { name: 'API Tokens' })).toBeInTheDocument();
  });
});
