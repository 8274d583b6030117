// The drawer's Details: status switch, expiry, renamable description, facts, the token string if known, permissions.
import { SwitchField } from '../../../components/ui/switch-field';
import type { Authorization } from '../../../../core/influx-types';
import { useNow } from '../../../lib/use-now';
import { formatDateTimeZone, formatRelative } from '../../../lib/format-time';
import { ownerName } from '../model/token-index';
import { tokenLabel } from '../../../lib/token-label';
import { CopyButton } from './copy-button';
import { ExpirySection } from './expiry-section';
import { DescriptionEditor } from '../list/description-editor';
import { PermissionsPanel } from './permissions-panel';
import { OwnTokenBadge } from '../own-token/own-token-badge';
import { useOwnTokenId } from '../own-token/own-token-context';
import { useOwnTokenGuard } from '../actions/use-own-token-guard';
import { useSetTokenStatus } from '../actions/use-set-token-status';
import './token-details.css';

export function TokenDetails({ token }: { token: Authorization }) {
  const now = useNow();
  const setStatus = useSetTokenStatus();
  const active = token.status === 'active';
  const own = useOwnTokenId() === token.id;
  const guard = useOwnTokenGuard();
  return (
    <div className="token-details">
      <div className="token-details__status">
        <SwitchField
          label="Active"
          checked={active}
          stateText={active ? 'This token works.' : 'This token is refused by InfluxDB.'}
          onCheckedChange={(checked) =>
            checked ? setStatus(token.id, 'active') : guard.switchOff(token, () => setStatus(token.id, 'inactive'))
          }
        />
        {own && <OwnTokenBadge />}
      </div>
      <dl className="token-details__facts">
        <dt>Description</dt>
        <dd>
          <DescriptionEditor token={token} draftKey={`drawer:${token.id}`} className="token-details__description">
            <span className={token.description ? undefined : 'token-details__muted'}>
              {tokenLabel(token.description)}
            </span>
          </DescriptionEditor>
        </dd>
        <dt>ID</dt>
        <dd className="token-details__inline">
          <code>{token.id}</code>
          <CopyButton text={token.id} label="Copy ID" />
        </dd>
        <dt>Owner</dt>
        <dd>{ownerName(token)}</dd>
        <dt>Organization</dt>
        <dd>{token.org || token.orgID}</dd>
        <dt>Created</dt>
        <dd>
          <time dateTime={token.createdAt} title={token.createdAt}>
            {formatDateTimeZone(token.createdAt)}
          </time>
        </dd>
        <dt>Last modified</dt>
        <dd>
          <time dateTime={token.updatedAt} title={token.updatedAt}>
            {formatRelative(token.updatedAt, now)} ({formatDateTimeZone(token.updatedAt)})
          </time>
        </dd>
        <dt>Token</dt>
        {token.token ? (
          <dd className="token-details__inline">
            <code className="token-details__secret">{token.token}</code>
            <CopyButton text={token.token} label="Copy token" />
          </dd>
        ) : (
          <dd className="token-details__muted">shown only when created</dd>
        )}
      </dl>
      <ExpirySection token={token} />
      <PermissionsPanel permissions={token.permissions} />
    </div>
  );
}
