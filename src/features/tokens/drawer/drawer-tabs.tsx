// Tabs as WAI-ARIA describes them: a tablist whose tabs are one Tab stop, moved through with the arrow keys (Home and
// End to the ends), each selecting its panel at once. Only the selected panel is rendered.
import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import './expiry-and-activity.css';

export interface DrawerTab {
  id: string;
  label: string;
  content: () => ReactNode;
}

export function DrawerTabs({ tabs, label }: { tabs: DrawerTab[]; label: string }) {
  const id = useId();
  const [selected, setSelected] = useState(tabs[0]!.id);
  const refs = useRef(new Map<string, HTMLButtonElement>());
  const current = tabs.find((tab) => tab.id === selected) ?? tabs[0]!;

  function onKeyDown(event: KeyboardEvent) {
    const index = tabs.indexOf(current);
    const next = {
      ArrowRight: (index + 1) % tabs.length,
      ArrowLeft: (index - 1 + tabs.length) % tabs.length,
      Home: 0,
      End: tabs.length - 1,
    }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const tab = tabs[next]!;
    setSelected(tab.id);
    refs.current.get(tab.id)?.focus();
  }

  return (
    <div className="drawer-tabs">
      <div role="tablist" aria-label={label} className="drawer-tabs__list" onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            ref={(element) => {
              if (element) refs.current.set(tab.id, element);
              else refs.current.delete(tab.id);
            }}
            type="button"
            role="tab"
            id={`${id}-${tab.id}-tab`}
            aria-selected={tab === current}
            // Only the selected panel exists, so only its tab points at it.
            aria-controls={tab === current ? `${id}-${tab.id}-panel` : undefined}
            tabIndex={tab === current ? 0 : -1}
            className="drawer-tabs__tab"
            onClick={() => setSelected(tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`${id}-${current.id}-panel`}
        aria-labelledby={`${id}-${current.id}-tab`}
        className="drawer-tabs__panel"
      >
        {current.content()}
      </div>
    </div>
  );
}
