// The header's org switcher: the org this page shows, and every org the console's token can read (all pages of
// GET /api/v2/orgs, fetched once the person reaches for the menu). Picking one opens the same view of that org at
// /orgs/<orgID>/…, keeping the filters that still make sense there and saying which it dropped.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { Menu, type MenuItem } from '../components/ui/menu';
import { useToast } from '../components/ui/toast-context';
import { useConnectionPrefix } from '../lib/connections';
import { orgsQuery, useBasePath, useCurrentOrg } from '../lib/org-query';
import { useSession } from '../lib/session/session-context';
import { orgSwitch } from './org-switch';

export function OrgSwitcher() {
  const { client } = useSession();
  const org = useCurrentOrg().data;
  const [reached, setReached] = useState(false);
  const orgs = useQuery({ ...orgsQuery(client), enabled: reached });
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  const base = useBasePath();
  const connection = useConnectionPrefix();
  const toast = useToast();
  if (!org) return null;

  function pick(id: string, name: string) {
    if (id === org?.id) return;
    const next = orgSwitch(pathname.slice(base.length), search, `${connection}/orgs/${encodeURIComponent(id)}`);
    navigate(next.to);
    if (next.dropped.length > 0)
      toast.show({ title: `Now showing org “${name}”`, description: `Dropped ${next.dropped.join(' and ')}.` });
  }

  let items: MenuItem[] = (orgs.data ?? [org]).map((each) => ({
    label: each.name,
    current: each.id === org.id,
    onSelect: () => pick(each.id, each.name),
  }));
  if (orgs.isPending)
    items = [...items, { label: 'Loading the other orgs…', current: false, disabled: true, onSelect: () => {} }];
  if (orgs.isError)
    items = [
      ...items,
      {
        label: 'Could not list the orgs: retry',
        hint: orgs.error.message,
        current: false,
        onSelect: () => void orgs.refetch(),
      },
    ];

  return (
    <Menu
      label="Orgs"
      onReach={() => setReached(true)}
      items={items}
      trigger={
        <button type="button" className="btn btn--small app-header__org" aria-label={`Org: ${org.name}. Switch org`}>
          <span className="app-header__org-label" aria-hidden="true">
            Org
          </span>
          {org.name}
        </button>
      }
    />
  );
}
