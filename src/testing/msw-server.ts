// One MSW server for the app tests; each test adds its handlers (see fake-influx.ts).
import { setupServer } from 'msw/node';

export const mswServer = setupServer();
