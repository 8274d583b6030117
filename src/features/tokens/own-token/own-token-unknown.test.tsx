// When the page cannot tell which token it runs on (InfluxDB Cloud, OSS with hashed tokens): an empty list is
// checked with a request about the org before the page calls the org empty, and switching off a token that may be
// the page's own asks first.
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { ADMIN_USER, FakeInflux } from '../../../testing/fake-influx';
import { mswServer } from '../../../testing/msw-server';
import { renderApp } from '../../../testing/render-app';
import { allAccessPermissions, makeToken, ORG_ID, ORG_NAME } from '../../../testing/token-factory';

const HIDDEN = 'This InfluxDB does not return token strings, so the page cannot tell which token it runs on.';

/** GET /api/v2/orgs/{id}, answered as InfluxDB does for the credential the page uses. */
function orgAnswers(status: 200 | 401, message = 'token is inactive') {
  mswServer.use(
    http.get('/api/v2/orgs/:id', ({ params }) =>
      status === 200 && params.id === ORG_ID
        ? HttpResponse.json({ id: ORG_ID, name: ORG_NAME, description: '', createdAt: '', updatedAt: '', links: {} })
        : HttpResponse.json({ code: 'unauthorized', message }, { status: 401 }),
    ),
  );
}

describe('an empty token list', () => {
  it('from a credential InfluxDB refuses about the org: says the page is locked out, and shows nothing stale', async () => {
    const fake = new FakeInflux({ tokens: [] });
    fake.ownToken = { state: 'unknown', message: HIDDEN, source: 'server', recoverable: false };
    orgAnswers(401);
    renderApp();
    const lost = await screen.findByRole('alert');
    expect(lost).toHaveTextContent("This page's own token no longer works");
    expect(lost).toHaveTextContent('The token this page uses is inactive, so InfluxDB refuses every request');
    expect(screen.queryByRole('heading', { name: "Looks like there aren't any API tokens yet" })).toBeNull();
    expect(screen.queryByText(/0 of 0 tokens|0 tokens/)).toBeNull();
    expect(screen.queryByRole('button', { name: /Generate/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /Export/ })).toBeNull();
    expect(screen.queryByRole('searchbox', { name: 'Filter tokens' })).toBeNull();
  });

  it('from a credential that still reads the org: says there are no tokens yet', async () => {
    const fake = new FakeInflux({ tokens: [] });
    fake.ownToken = { state: 'unknown', message: HIDDEN, source: 'server', recoverable: false };
    orgAnswers(200);
    renderApp();
    expect(await screen.findByRole('heading', { name: "Looks like there aren't any API tokens yet" })).toBeVisible();
    expect(screen.queryByText("This page's own token no longer works")).toBeNull();
  });
});

describe('where the page cannot tell which token it runs on', () => {
  const mine = makeToken({ description: 'admin all access', user: 'admin', permissions: allAccessPermissions() });
  const theirs = makeToken({
    description: 'user2 all access',
    user: 'user2',
    permissions: allAccessPermissions('1000000000000003'),
  });
  const reader = makeToken({ description: 'admin reader', user: 'admin' });

  function start() {
    const fake = new FakeInflux({ tokens: [mine, theirs, reader] });
    fake.ownToken = { state: 'unknown', message: HIDDEN, userID: ADMIN_USER.id, source: 'server', recoverable: false };
    return { fake, ...renderApp() };
  }

  it("says so once, with the server's reason, until dismissed", async () => {
    const { user } = start();
    const note = await screen.findByText(/so the page cannot tell which token it runs on/);
    expect(note).toHaveTextContent('Switching off a token that may be it asks first.');
    await user.click(screen.getByRole('button', { name: 'Dismiss this note' }));
    expect(screen.queryByText(/so the page cannot tell which token it runs on/)).toBeNull();
  });

  it("asks before switching off one of the signed-in user's tokens that may change tokens; others go at once", async () => {
    const { fake, user } = start();
    const deactivate = async (description: string) => {
      await user.click(await screen.findByRole('button', { name: `Actions for ${description}` }));
      await user.click(await screen.findByRole('menuitem', { name: /^Deactivate/ }));
    };

    await deactivate(mine.description);
    const ask = await screen.findByRole('alertdialog', { name: 'This may be the token this console uses' });
    expect(ask).toHaveTextContent('InfluxDB refuses every request the page makes, Undo included');
    await user.click(within(ask).getByRole('button', { name: 'Cancel' }));
    expect(fake.patches()).toEqual([]);

    await deactivate(theirs.description);
    await waitFor(() => expect(fake.token(theirs.id)?.status).toBe('inactive'));
    await deactivate(reader.description);
    await waitFor(() => expect(fake.token(reader.id)?.status).toBe('inactive'));
    expect(screen.queryByRole('alertdialog')).toBeNull();

    await deactivate(mine.description);
    const again = await screen.findByRole('alertdialog', { name: 'This may be the token this console uses' });
    await user.click(within(again).getByRole('button', { name: `Deactivate “${mine.description}”` }));
    await waitFor(() => expect(fake.token(mine.id)?.status).toBe('inactive'));
  });

  it("asks too before a bulk Deactivate or a Delete takes one that may be the page's own", async () => {
    const { fake, user } = start();
    await user.click(await screen.findByRole('checkbox', { name: `Select ${mine.description}` }));
    await user.click(screen.getByRole('checkbox', { name: `Select ${reader.description}` }));
    await user.click(
      within(screen.getByRole('region', { name: 'Selected tokens' })).getByRole('button', { name: 'Deactivate' }),
    );
    const ask = await screen.findByRole('alertdialog', { name: 'This may be the token this console uses' });
    // Left out unless ticked in: the bulk goes on with the other one only.
    await user.click(within(ask).getByRole('button', { name: 'Continue with 1 token' }));
    const confirm = await screen.findByRole('alertdialog', { name: /Deactivate 1 token/ });
    await user.click(within(confirm).getByRole('button', { name: /Deactivate/ }));
    await waitFor(() => expect(fake.token(reader.id)?.status).toBe('inactive'));
    expect(fake.token(mine.id)?.status).toBe('active');

    await user.click(screen.getByRole('button', { name: `Actions for ${mine.description}` }));
    await user.click(await screen.findByRole('menuitem', { name: /^Delete/ }));
    const remove = await screen.findByRole('alertdialog', { name: /This may be the token this console uses/ });
    expect(remove).toHaveTextContent('InfluxDB refuses every request the page makes');
  });
});
