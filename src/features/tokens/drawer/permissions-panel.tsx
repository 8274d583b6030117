// The token's permissions, read-only (InfluxDB never changes them), grouped by resource type, with a filter. Escape in
// the filter clears it first; only in an empty filter does it close the drawer.
import { useId, useMemo, useState } from 'react';
import type { Permission } from '../../../../core/influx-types';
import { groupPermissions } from '../model/permission-groups';
import { cachedPermissionsSummary } from '../model/permissions-summary';

export function PermissionsPanel({ permissions }: { permissions: Permission[] }) {
  const [filter, setFilter] = useState('');
  const id = useId();
  const groups = useMemo(() => groupPermissions(permissions, filter), [permissions, filter]);
  return (
    <section className="permissions" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="token-details__section-title">
        Permissions <span className="permissions__summary">{cachedPermissionsSummary(permissions)}</span>
      </h3>
      <input
        type="search"
        className="input permissions__filter"
        aria-label="Filter permissions"
        placeholder="Filter permissions…"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        // The drawer leaves Escape to a field marked so (token-drawer-route.tsx).
        data-escape-cancels-edit={filter === '' ? undefined : ''}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setFilter('');
        }}
      />
      {groups.length === 0 ? (
        <p className="permissions__empty">
          {permissions.length === 0 ? 'This token has no permissions.' : 'No permissions match this filter.'}
        </p>
      ) : (
        groups.map((group) => (
          <div key={group.type} className="permissions__group">
            <h4 className="permissions__group-title">{group.title}</h4>
            <ul className="permissions__list">
              {group.entries.map((entry) => (
                <li key={entry.key} className="permissions__entry">
                  <span className="permissions__scope" title={entry.id ? `ID ${entry.id}` : undefined}>
                    {entry.scope}
                  </span>
                  <span className="permissions__actions">
                    {entry.actions.map((action) => (
                      <span key={action} className={`permission-action permission-action--${action}`}>
                        {action === 'read' ? 'Read' : 'Write'}
                      </span>
                    ))}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        ))
      )}
    </section>
  );
}
