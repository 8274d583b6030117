import { useOptimisticTokenPatch } from './use-optimistic-token-patch';

export const useUpdateTokenStatus = () => useOptimisticTokenPatch('status', 'status');
