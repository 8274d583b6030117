// Human names for InfluxDB resource types, for summaries and the drawer's permission groups.
import type { ResourceType } from '../../../../core/influx-types';

const NAMES: Partial<Record<ResourceType, [singular: string, plural: string]>> = {
  authorizations: ['token', 'tokens'],
  buckets: ['bucket', 'buckets'],
  dashboards: ['dashboard', 'dashboards'],
  orgs: ['organization', 'organizations'],
  sources: ['source', 'sources'],
  tasks: ['task', 'tasks'],
  telegrafs: ['Telegraf config', 'Telegraf configs'],
  users: ['user', 'users'],
  variables: ['variable', 'variables'],
  scrapers: ['scraper', 'scrapers'],
  secrets: ['secret', 'secrets'],
  labels: ['label', 'labels'],
  views: ['view', 'views'],
  documents: ['document', 'documents'],
  notificationRules: ['notification rule', 'notification rules'],
  notificationEndpoints: ['notification endpoint', 'notification endpoints'],
  checks: ['check', 'checks'],
  dbrp: ['DBRP mapping', 'DBRP mappings'],
  notebooks: ['notebook', 'notebooks'],
  annotations: ['annotation', 'annotations'],
  remotes: ['remote', 'remotes'],
  replications: ['replication', 'replications'],
  instance: ['instance', 'instance'],
  flows: ['flow', 'flows'],
  functions: ['function', 'functions'],
  subscriptions: ['subscription', 'subscriptions'],
};

export function resourceNoun(type: string, count: number): string {
  const names = NAMES[type as ResourceType];
  if (!names) return type;
  return count === 1 ? names[0] : names[1];
}

/** Heading for a group of permissions on one resource type, e.g. "Buckets". */
export function resourceTitle(type: string): string {
  const plural = resourceNoun(type, 2);
  return plural.charAt(0).toUpperCase() + plural.slice(1);
}
