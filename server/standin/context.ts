// What every route needs: the store, the in-memory catalog of names, and the authorization renderer.
import { AuthorizationRenderer } from './authorization-json';
import { Catalog } from './catalog';
import type { StandinStore } from './store';

export interface StandinContext {
  store: StandinStore;
  catalog: Catalog;
  renderer: AuthorizationRenderer;
  log: (line: string) => void;
}

export function createContext(store: StandinStore, log: (line: string) => void = () => {}): StandinContext {
  const catalog = new Catalog(store);
  return { store, catalog, renderer: new AuthorizationRenderer(store, catalog), log };
}
