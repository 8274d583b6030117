// A short, readable summary of a token's permissions for the list ("All access", "Read 2 buckets", ...).
import type { Permission } from '../../../../core/influx-types';
import { isAllAccess, isOperator } from '../../../../core/permissions';
import { resourceNoun } from './resource-names';

/** What one action reaches: "all buckets", "my-bucket", "2 buckets", "3 types". */
function describeTargets(permissions: Permission[]): string {
  const types = [...new Set(permissions.map((p) => p.resource.type))];
  if (types.length !== 1) return `${types.length} types`;
  const type = types[0] as string;
  if (permissions.some((p) => !p.resource.id)) return `all ${resourceNoun(type, 2)}`;
  const ids = [...new Set(permissions.map((p) => p.resource.id))];
  if (ids.length === 1) return permissions[0]?.resource.name || `1 ${resourceNoun(type, 1)}`;
  return `${ids.length} ${resourceNoun(type, ids.length)}`;
}

function targetKey(p: Permission): string {
  return `${p.resource.type}/${p.resource.orgID ?? ''}/${p.resource.id ?? ''}`;
}

function sameTargets(a: Permission[], b: Permission[]): boolean {
  const keysA = new Set(a.map(targetKey));
  const keysB = new Set(b.map(targetKey));
  return keysA.size === keysB.size && [...keysA].every((key) => keysB.has(key));
}

export function summarizePermissions(permissions: Permission[]): string {
  if (permissions.length === 0) return 'No permissions';
  // Read and write on every resource type, in every org: the token made at setup.
  if (isOperator(permissions)) return 'Operator';
  if (isAllAccess(permissions)) return 'All access';
  const reads = permissions.filter((p) => p.action === 'read');
  const writes = permissions.filter((p) => p.action === 'write');
  if (reads.length > 0 && writes.length > 0 && sameTargets(reads, writes))
    return `Read/write ${describeTargets(reads)}`;
  const parts: string[] = [];
  if (reads.length > 0) parts.push(`read ${describeTargets(reads)}`);
  if (writes.length > 0) parts.push(`write ${describeTargets(writes)}`);
  const text = parts.join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const summaries = new WeakMap<Permission[], string>();

/** summarizePermissions, remembered per permissions array (they never change: permissions are immutable). */
export function cachedPermissionsSummary(permissions: Permission[]): string {
  let summary = summaries.get(permissions);
  if (summary === undefined) {
    summary = summarizePermissions(permissions);
    summaries.set(permissions, summary);
  }
  return summary;
}
