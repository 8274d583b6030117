// A first load shows the tokens that have arrived while the rest of the answer downloads, says the list is
// partial until it is whole, and keeps (clearly marked) what arrived if the download breaks off.
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { FakeInflux } from '../../../testing/fake-influx';
import { heldBody } from '../../../testing/held-body';
import { mswServer } from '../../../testing/msw-server';
import { renderApp } from '../../../testing/render-app';
import { makeToken } from '../../../testing/token-factory';

/** The list's answer in two parts: the first at once (150 of the tokens), the rest when the test says. */
function dribbledList(tokens: ReturnType<typeof makeToken>[]) {
  const text = JSON.stringify({ links: { self: '/api/v2/authorizations' }, authorizations: tokens }, null, 2);
  const cut = text.indexOf(`"id": "${tokens[150]!.id}"`);
  const held = heldBody(text, cut);
  mswServer.use(
    http.get(
      '/api/v2/authorizations',
      () => new HttpResponse(held.body, { headers: { 'Content-Type': 'application/json; charset=utf-8' } }),
      { once: true },
    ),
  );
  return held;
}

/** 300 tokens; the first ten are also "marked". */
const manyTokens = () =>
  Array.from({ length: 300 }, (_, i) =>
    makeToken({ description: `token ${String(i).padStart(3, '0')}${i < 10 ? ' marked' : ''}` }),
  );

describe('a first load, shown as it arrives', () => {
  it('shows the first tokens and a partial count before the answer ends, then the whole list', async () => {
    const tokens = manyTokens();
    new FakeInflux({ tokens });
    const answer = dribbledList(tokens);
    renderApp();
    expect(await screen.findByText('100 tokens so far — loading…')).toHaveAttribute('role', 'status');
    // The table (once its code is in), not the loading state, while the answer is still partial (its rows are the
    // e2e spec's to see: this DOM lays out no virtualized row).
    expect(await screen.findByRole('table')).toBeInTheDocument();
    expect(screen.queryByText('Loading tokens…')).not.toBeInTheDocument();
    expect(screen.getByText('100 tokens so far — loading…')).toBeInTheDocument();

    answer.finish();
    expect(await screen.findByText('300 tokens')).toBeInTheDocument();
    expect(screen.queryByText(/so far/)).not.toBeInTheDocument();
  });

  it('filters what has arrived and says so', async () => {
    const tokens = manyTokens();
    new FakeInflux({ tokens });
    const answer = dribbledList(tokens);
    renderApp('/tokens?q=marked');
    expect(await screen.findByText('10 of 100 tokens so far — loading…')).toHaveAttribute('role', 'status');
    answer.finish();
    expect(await screen.findByText('10 of 300 tokens')).toBeInTheDocument();
  });

  it('keeps what arrived, marked incomplete, when the download breaks off; Retry loads the whole list', async () => {
    const tokens = manyTokens();
    new FakeInflux({ tokens });
    const answer = dribbledList(tokens);
    const { user } = renderApp();
    expect(await screen.findByText('100 tokens so far — loading…')).toHaveAttribute('role', 'status');
    answer.breakOff();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The list is incomplete: loading broke off after 100 tokens');
    expect(screen.getByText('100 tokens — list incomplete')).toHaveAttribute('role', 'status');
    expect(await screen.findByRole('table')).toBeInTheDocument();

    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('300 tokens')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
