// "Owner" in the Generate dialogs: the new token acts as this user. The signed-in user by default; any user the
// signed-in token may list. Whether it may create tokens for them is InfluxDB's call, and its refusal is shown.
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import type { User } from '../../../../core/influx-types';
import { useSession } from '../../../lib/session/session-context';
import { lookupQueries } from '../api/lookup-queries';
import './owner-field.css';

interface OwnerFieldProps {
  /** The chosen user's ID; '' for the signed-in user. */
  value: string;
  onChange: (userID: string, user: User | undefined) => void;
}

export function OwnerField({ value, onChange }: OwnerFieldProps) {
  const { client } = useSession();
  const id = useId();
  const users = useQuery(lookupQueries.users(client));
  const me = useQuery(lookupQueries.me(client));
  const others = (users.data ?? []).filter((u) => u.id !== me.data?.id);
  return (
    <div>
      <label className="field-label" htmlFor={`${id}-owner`}>
        Owner
      </label>
      <select
        id={`${id}-owner`}
        className="select"
        value={value}
        aria-describedby={`${id}-owner-help`}
        onChange={(e) =>
          onChange(
            e.target.value,
            others.find((u) => u.id === e.target.value),
          )
        }
      >
        <option value="">{me.data ? `${me.data.name} (you)` : 'You (the signed-in user)'}</option>
        {others.map((user) => (
          <option key={user.id} value={user.id}>
            {user.name}
          </option>
        ))}
      </select>
      <p className="field-help" id={`${id}-owner-help`}>
        {users.error
          ? `Could not list users (${users.error.message}), so the token will be yours.`
          : users.isPending
            ? 'Loading users…'
            : 'The token acts as this user: it stops working if the user is deactivated or deleted.'}
      </p>
    </div>
  );
}
