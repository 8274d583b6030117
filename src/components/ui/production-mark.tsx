// The mark of a connection configured as production (INFLUX_PRODUCTION): words and a shape, not colour alone, on
// every page (the header) and in every confirmation (dialog.tsx), so nobody mistakes production for dev.
import { createContext, useContext } from 'react';
import { TriangleAlert } from 'lucide-react';
import './production-mark.css';

/** The connection the page works on, when it is marked production; null otherwise. */
export const ProductionContext = createContext<{ name: string } | null>(null);

export function useProduction() {
  return useContext(ProductionContext);
}

export function ProductionMark({ name }: { name: string }) {
  return (
    <span className="production-mark">
      <TriangleAlert aria-hidden="true" />
      Production: {name}
    </span>
  );
}

/** A question's title naming the production connection it acts on: "Deactivate 3 tokens?" → "… on prod?". */
export function onProduction(title: string, name: string): string {
  return title.endsWith('?') ? `${title.slice(0, -1)} on ${name}?` : `${title} (on ${name})`;
}
