// "Did anything change?": every authorization as the operator sees it, straight from the stand-in, in id order.
import { expect } from 'vitest';
import type { Authorization } from '../../../core/influx-types';
import { api } from './api';
import type { LeakWatch } from './leak-watch';

export async function snapshotAuthorizations(
  standinUrl: string,
  operatorToken: string,
  watch?: LeakWatch,
): Promise<Authorization[]> {
  const answer = await api(standinUrl, '/api/v2/authorizations', { token: operatorToken }, watch);
  expect(answer.status, answer.text).toBe(200);
  return (answer.json().authorizations as Authorization[]).sort((a, b) => a.id.localeCompare(b.id));
}
