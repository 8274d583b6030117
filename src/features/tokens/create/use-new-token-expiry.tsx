// The Generate dialogs' expiry: the choice (the policy's limit by default, and then no "Never"), checked before
// anything is sent, and set with its own request once the token exists. If that request fails the token still
// exists: the note says so plainly in the dialog that shows the new token, so nothing is lost silently.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Authorization } from '../../../../core/influx-types';
import { useSession } from '../../../lib/session/session-context';
import { governanceQuery, useSetExpiry } from '../api/governance-queries';
import { defaultExpiryDraft, expiryOutcomeText, resolveExpiry, type ExpiryDraft } from '../model/expiry';
import { ExpiryChoice } from './expiry-choice';

/** Said in the new token's dialog about its expiry. */
export interface CreatedNote {
  text: string;
  tone: 'info' | 'error';
}

export function useNewTokenExpiry(orgID: string, enabled: boolean) {
  const { client } = useSession();
  const governance = useQuery({ ...governanceQuery(client, orgID), enabled });
  const setExpiry = useSetExpiry();
  const index = governance.data;
  const max = index?.maxLifetimeDays ?? null;
  // Untouched, the choice follows the policy (which may arrive after the dialog opened).
  const [chosen, setChosen] = useState<ExpiryDraft | null>(null);
  const draft = chosen ?? defaultExpiryDraft(max);
  const [error, setError] = useState<string | null>(null);
  const usable = enabled && index?.available === true;

  let field = null;
  if (usable)
    field = (
      <ExpiryChoice
        draft={draft}
        onChange={(next) => {
          setChosen(next);
          setError(null);
        }}
        maxLifetimeDays={max}
        error={error}
        help="InfluxDB itself does not enforce expiry: this console deactivates the token at that time, while it runs with a server-held token."
      />
    );
  else if (enabled && governance.isPending) field = <p className="field-help">Loading the expiry policy…</p>;
  else if (enabled)
    field = (
      <p className="field-help">
        Expiry: unavailable here ({index?.unavailableReason ?? governance.error?.message ?? 'unknown reason'}). The
        token will not expire.
      </p>
    );

  return {
    field,
    /** The expiry to set after creating (undefined: none to set), or false when the choice is wrong (said by it). */
    check(): string | null | undefined | false {
      if (!usable) return undefined;
      const resolved = resolveExpiry(draft, Date.now(), max);
      if ('error' in resolved) {
        setError(resolved.error);
        return false;
      }
      setError(null);
      return resolved.expiresAt;
    },
    /** Sets the checked expiry on the token just created; what to say about it (never throws). */
    async apply(created: Authorization, expiresAt: string | null | undefined): Promise<CreatedNote | undefined> {
      if (expiresAt === undefined || expiresAt === null) return undefined;
      try {
        await setExpiry.mutateAsync({ tokenID: created.id, orgID: created.orgID, expiresAt });
        return { tone: 'info', text: `This token ${expiryOutcomeText(expiresAt)}: this console deactivates it then.` };
      } catch (failure) {
        const reason = failure instanceof Error ? failure.message : String(failure);
        return {
          tone: 'error',
          text: `Token created, but its expiry was not set: ${reason}. Set it in the token’s details.`,
        };
      }
    },
  };
}
