// "All Access API Token": a warning, a description, and the permissions `influx auth create --all-access` grants.
import { useQuery } from '@tanstack/react-query';
import { allAccessPermissions } from '../../../../core/permissions';
import { useSession } from '../../../lib/session/session-context';
import { lookupQueries } from '../api/lookup-queries';
import { NewTokenForm, type NewTokenFormProps } from './new-token-form';

export function AllAccessDialog({ orgName, ...form }: NewTokenFormProps & { orgName: string }) {
  const { client } = useSession();
  const types = useQuery(lookupQueries.resourceTypes(client));
  const me = useQuery(lookupQueries.me(client));
  const loading = (types.isPending || me.isPending) && !types.isError && !me.isError;
  return (
    <NewTokenForm
      {...form}
      title="Generate All Access API Token"
      lookups={[types, me]}
      // Like `influx auth create --all-access --user`: the owner's own user, not the signed-in one, is in them.
      permissionsFor={(owner) =>
        types.data && me.data ? allAccessPermissions(types.data, form.orgID, owner?.id ?? me.data.id) : null
      }
      intro={
        <div className="callout callout--warning">
          <p>
            <strong>This token grants full read and write access to every resource in {orgName}</strong>, including its
            buckets, dashboards, tasks and other API tokens.
          </p>
          <p>
            Anyone who holds it can read, change or delete anything in this organization. Prefer a Custom API Token with
            only what is needed.
          </p>
        </div>
      }
    >
      {loading && (
        <p className="field-help" role="status">
          Loading resource types…
        </p>
      )}
    </NewTokenForm>
  );
}
