import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { mswServer } from './msw-server';

// The machine is shared: give async queries room under load (they return as soon as they match).
configure({ asyncUtilTimeout: 4_000 });

beforeAll(() => mswServer.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  mswServer.resetHandlers();
  sessionStorage.clear();
});
afterAll(() => mswServer.close());
