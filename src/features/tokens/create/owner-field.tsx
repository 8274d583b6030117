// "Owner" in the Generate dialogs: the new token acts as this user. The signed-in user by default; any user the
// signed-in token may list. Whether it may create tokens for them is InfluxDB's call, and its refusal is shown.
import { useQuery } from '@tanstack/react-query';
import { SelectField } from '../../../components/ui/select-field';
import type { User } from '../../../../core/influx-types';
import { useSession } from '../../../lib/session/session-context';
import { lookupQueries } from '../api/lookup-queries';

interface OwnerFieldProps {
  /** The chosen user; undefined for the signed-in user. */
  value: User | undefined;
  onChange: (user: User | undefined) => void;
}

export function OwnerField({ value, onChange }: OwnerFieldProps) {
  const { client } = useSession();
  const users = useQuery(lookupQueries.users(client));
  const me = useQuery(lookupQueries.me(client));
  const others = (users.data ?? []).filter((u) => u.id !== me.data?.id);
  return (
    <SelectField
      label="Owner"
      value={value?.id ?? ''}
      onChange={(id) => onChange(others.find((u) => u.id === id))}
      help={
        users.error
          ? `Could not list users (${users.error.message}), so the token will be yours.`
          : users.isPending
            ? 'Loading users…'
            : 'The token acts as this user: it stops working if the user is deactivated or deleted.'
      }
    >
      <option value="">{me.data ? `${me.data.name} (you)` : 'You (the signed-in user)'}</option>
      {others.map((user) => (
        <option key={user.id} value={user.id}>
          {user.name}
        </option>
      ))}
    </SelectField>
  );
}
