// Activates or deactivates a token with one PATCH {status}: optimistic, in order per token, rolled back on failure.
import { tokenKeys } from './token-queries';
import { useOptimisticTokenPatch, type PatchVariables } from './use-optimistic-token-patch';

export type StatusVariables = PatchVariables<'status'>;

export const tokenStatusMutationKey = tokenKeys.mutation('status');

export const useUpdateTokenStatus = () => useOptimisticTokenPatch('status', 'status');
