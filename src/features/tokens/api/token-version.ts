// When two copies of a token count as the same version: InfluxDB bumps updatedAt on every change and
// permissions never change, so comparing the fields a person sees (and updatedAt) is enough and O(1).
import type { Authorization } from '../../../../core/influx-types';

export function sameTokenVersion(a: Authorization, b: Authorization): boolean {
  return (
    a.updatedAt === b.updatedAt &&
    a.status === b.status &&
    a.description === b.description &&
    a.token === b.token &&
    a.user === b.user &&
    a.org === b.org
  );
}
