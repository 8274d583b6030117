// Activates or deactivates a token with one PATCH {status}: optimistic, in order per token, rolled back on failure.
import { useOptimisticTokenPatch } from './use-optimistic-token-patch';

export const useUpdateTokenStatus = () => useOptimisticTokenPatch('status', 'status');
