// Shapes of the InfluxDB v2 API objects this product reads and writes.
// Field order follows the real server's JSON (see contracts/influxdb-authorizations-openapi.yml).

export type AuthorizationStatus = 'active' | 'inactive';
export type PermissionAction = 'read' | 'write';

/** Resource types InfluxDB OSS 2.x accepts in a permission. */
export const OSS_RESOURCE_TYPES = [
  'authorizations',
  'buckets',
  'dashboards',
  'orgs',
  'sources',
  'tasks',
  'telegrafs',
  'users',
  'variables',
  'scrapers',
  'secrets',
  'labels',
  'views',
  'documents',
  'notificationRules',
  'notificationEndpoints',
  'checks',
  'dbrp',
  'notebooks',
  'annotations',
  'remotes',
  'replications',
  'instance',
] as const;
export type ResourceType = (typeof OSS_RESOURCE_TYPES)[number] | 'flows' | 'functions' | 'subscriptions';

export interface Resource {
  type: ResourceType;
  id?: string;
  name?: string;
  orgID?: string;
  org?: string;
}

export interface Permission {
  action: PermissionAction;
  resource: Resource;
}

export interface Authorization {
  id: string;
  /** The token string: only in the POST 201 answer on servers that store tokens hashed, else "". */
  token: string;
  status: AuthorizationStatus;
  description: string;
  orgID: string;
  org: string;
  userID: string;
  user: string;
  permissions: Permission[];
  links: { self: string; user: string };
  createdAt: string;
  updatedAt: string;
}

export interface AuthorizationList {
  links: { self: string; next?: string; prev?: string };
  authorizations: Authorization[];
}

export interface AuthorizationFilters {
  id?: string;
  userID?: string;
  user?: string;
  orgID?: string;
  org?: string;
}

export interface AuthorizationCreate {
  orgID: string;
  userID?: string;
  description?: string;
  status?: AuthorizationStatus;
  permissions: Permission[];
}

export interface AuthorizationUpdate {
  description?: string;
  status?: AuthorizationStatus;
}

export interface User {
  id: string;
  name: string;
  status: 'active' | 'inactive';
  links: { self: string };
}

export interface Organization {
  id: string;
  name: string;
  description: string;
  createdAt: string;
  updatedAt: string;
  links: Record<string, string>;
}

export interface Bucket {
  id: string;
  orgID: string;
  type: 'user' | 'system';
  name: string;
  description?: string;
  retentionRules: { type: 'expire'; everySeconds: number; shardGroupDurationSeconds?: number }[];
  createdAt: string;
  updatedAt: string;
  links: Record<string, string>;
}

/** An InfluxDB error body: `{code, message}` with the code also in `X-Platform-Error-Code`. */
export interface InfluxErrorBody {
  code: string;
  message: string;
}
