// "Owner" in the Generate and Clone dialogs: the new token acts as this user. The signed-in user by default (Clone: the
// original's owner); any user the signed-in token may list. Whether it may create tokens for them is InfluxDB's call,
// and its refusal is shown.
import { useQuery } from '@tanstack/react-query';
import { SelectField } from '../../../components/ui/select-field';
import type { User } from '../../../../core/influx-types';
import { useSession } from '../../../lib/session/session-context';
import { lookupQueries } from '../api/lookup-queries';

/** A user a new token can act as. */
export type Owner = Pick<User, 'id' | 'name'>;

interface OwnerFieldProps {
  /** The chosen user; undefined (or the signed-in user) for the signed-in user. */
  value: Owner | undefined;
  onChange: (user: Owner | undefined) => void;
}

export function OwnerField({ value, onChange }: OwnerFieldProps) {
  const { client } = useSession();
  const users = useQuery(lookupQueries.users(client));
  const me = useQuery(lookupQueries.me(client));
  const others = (users.data ?? []).filter((u) => u.id !== me.data?.id);
  const chosen = value && value.id !== me.data?.id ? value : undefined;
  // A clone's owner the user list does not show (it could not be listed, or is not visible) is still offered.
  const options: Owner[] = chosen && !others.some((u) => u.id === chosen.id) ? [chosen, ...others] : others;
  return (
    <SelectField
      label="Owner"
      value={chosen?.id ?? ''}
      onChange={(id) => onChange(options.find((u) => u.id === id))}
      help={
        users.error
          ? `Could not list users (${users.error.message}), so the token will be ${chosen ? `${chosen.name}'s` : 'yours'}.`
          : users.isPending
            ? 'Loading users…'
            : 'The token acts as this user: it stops working if the user is deactivated or deleted.'
      }
    >
      <option value="">{me.data ? `${me.data.name} (you)` : 'You (the signed-in user)'}</option>
      {options.map((user) => (
        <option key={user.id} value={user.id}>
          {user.name}
        </option>
      ))}
    </SelectField>
  );
}
