// Human names for InfluxDB resource types, for summaries and the drawer's permission groups: the type's name read as
// words ("notificationRules": "notification rules"), but for the few whose name is not what people call them.
import { OSS_RESOURCE_TYPES } from '../../../../core/influx-types';

const KNOWN = new Set<string>([...OSS_RESOURCE_TYPES, 'flows', 'functions', 'subscriptions']);
const SINGULAR: Record<string, string> = {
  authorizations: 'token',
  orgs: 'organization',
  telegrafs: 'Telegraf config',
  dbrp: 'DBRP mapping',
  instance: 'instance',
};

export function resourceNoun(type: string, count: number): string {
  if (!KNOWN.has(type)) return type;
  const singular = SINGULAR[type] ?? type.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`).replace(/s$/, '');
  return count === 1 || type === 'instance' ? singular : `${singular}s`;
}

/** Heading for a group of permissions on one resource type, e.g. "Buckets". */
export function resourceTitle(type: string): string {
  const plural = resourceNoun(type, 2);
  return plural.charAt(0).toUpperCase() + plural.slice(1);
}
