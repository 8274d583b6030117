// Renames a token optimistically: the new description shows at once and is undone only if the save fails.
import { useOptimisticTokenPatch } from './use-optimistic-token-patch';

export const useRenameToken = () => useOptimisticTokenPatch('description', 'rename');
