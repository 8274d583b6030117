// Renames a token optimistically: the new description shows at once and is undone only if the save fails.
import { useOptimisticTokenPatch, type PatchVariables } from './use-optimistic-token-patch';

export type RenameVariables = PatchVariables<'description'>;

export const useRenameToken = () => useOptimisticTokenPatch('description', 'rename');
