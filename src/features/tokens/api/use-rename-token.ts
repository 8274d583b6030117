import { useOptimisticTokenPatch } from './use-optimistic-token-patch';

export const useRenameToken = () => useOptimisticTokenPatch('description', 'rename');
