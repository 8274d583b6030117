// Decoding of POST and PATCH bodies with the real server's checks, in its order, and messages that
// say which field is wrong. Nothing here touches storage: a rejected body changes nothing.
import type { AuthorizationStatus } from '../../core/influx-types';
import { invalid } from './errors';
import { parseId } from './ids';
import { CLOUD_ONLY_TYPES, OSS_TYPES, type Action, type StoredPermission } from './permissions';

/** A body handed over by the content-type parser, decoded only when the route wants it (after its own checks). */
export class RawJsonBody {
  constructor(readonly text: string) {}
}

const structure = (detail: string) => invalid(`invalid json structure: ${detail}`);

/** Parses the raw body as JSON: 400 invalid "invalid json structure: ..." when it is empty or malformed. */
export function parseJsonBody(body: unknown): unknown {
  const text = body instanceof RawJsonBody ? body.text : '';
  if (text.trim() === '') throw structure('the request body is empty; send a JSON object');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw structure(error instanceof Error ? error.message : String(error));
  }
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function asObject(value: unknown, where: string): Record<string, unknown> {
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value))
    throw structure(`${where} must be a JSON object, not ${kindOf(value)}`);
  return value as Record<string, unknown>;
}

function optionalString(value: unknown, where: string): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value !== 'string') throw structure(`${where} must be a string, not ${kindOf(value)}`);
  return value;
}

function optionalId(value: unknown, where: string): string | undefined {
  const text = optionalString(value, where);
  if (text === undefined) return undefined;
  try {
    return parseId(text);
  } catch (error) {
    throw structure(`${where}: ${(error as Error).message}`);
  }
}

/** Lone UTF-16 surrogates cannot be stored as UTF-8; replace them with U+FFFD as Go's JSON decoder does. */
function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** "" and absent mean active, as the real server takes them; anything else but the two values is refused. */
function decodeStatus(value: string | undefined): AuthorizationStatus | 'unknown' | undefined {
  if (value === undefined) return undefined;
  if (value === '' || value === 'active') return 'active';
  if (value === 'inactive') return 'inactive';
  return 'unknown';
}

/** Status.Valid() in POST, checked last as the real server does. */
const invalidStatus = () => invalid('invalid status: must be active or inactive');

interface DecodedPermission {
  action: string;
  type: string;
  id?: string;
  orgID?: string;
}

function decodePermission(value: unknown, where: string): DecodedPermission {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw structure(
      `${where} must be an object like {"action":"read","resource":{"type":"buckets"}}, not ${kindOf(value)}`,
    );
  }
  const p = value as Record<string, unknown>;
  const resource = asObject(p.resource, `${where}.resource`);
  const id = optionalId(resource.id, `${where}.resource.id`);
  const orgID = optionalId(resource.orgID, `${where}.resource.orgID`);
  return {
    action: optionalString(p.action, `${where}.action`) ?? '',
    type: optionalString(resource.type, `${where}.resource.type`) ?? '',
    ...(id !== undefined && { id }),
    ...(orgID !== undefined && { orgID }),
  };
}

function validatePermission(p: DecodedPermission, where: string): StoredPermission {
  if (!OSS_TYPES.has(p.type)) {
    const why =
      p.type === ''
        ? `${where}.resource.type is missing`
        : CLOUD_ONLY_TYPES.has(p.type)
          ? `${where}: "${p.type}" exists only in InfluxDB Cloud, not in InfluxDB OSS`
          : `${where}: "${p.type}" is not a resource type (GET /api/v2/resources lists them)`;
    throw invalid(`invalid resource type for permission: ${why}`);
  }
  if (p.action !== 'read' && p.action !== 'write') {
    throw invalid(
      `invalid action type for permission: ${where}.action must be "read" or "write", not ${JSON.stringify(p.action)}`,
    );
  }
  return {
    action: p.action as Action,
    resource: {
      type: p.type,
      ...(p.id !== undefined && { id: p.id }),
      ...(p.orgID !== undefined && { orgID: p.orgID }),
    },
  };
}

export interface CreateRequest {
  orgID: string;
  userID?: string;
  description: string;
  status: AuthorizationStatus;
  permissions: StoredPermission[];
}

/** POST /api/v2/authorizations body: {orgID, userID?, description?, status?, permissions}; unknown fields ignored. */
export function decodeCreateRequest(value: unknown): CreateRequest {
  const body = asObject(value, 'the body');
  // Decoding (types and ID formats) first, as json.Decode does, then validation in the server's order.
  const description = optionalString(body.description, 'description');
  const status = decodeStatus(optionalString(body.status, 'status'));
  const orgID = optionalId(body.orgID, 'orgID');
  const userID = optionalId(body.userID, 'userID');
  if (body.permissions !== undefined && body.permissions !== null && !Array.isArray(body.permissions)) {
    throw structure(`permissions must be an array of {action, resource} objects, not ${kindOf(body.permissions)}`);
  }
  const decoded = ((body.permissions as unknown[] | null | undefined) ?? []).map((p, i) =>
    decodePermission(p, `permissions[${i}]`),
  );

  if (decoded.length === 0) throw invalid('authorization must include permissions');
  const permissions = decoded.map((p, i) => validatePermission(p, `permissions[${i}]`));
  // platform.ErrInvalidID wrapped: "org id required: invalid ID" (also when only an org name is sent).
  if (orgID === undefined) throw invalid('org id required: invalid ID');
  if (status === 'unknown') throw invalidStatus();
  return {
    orgID,
    ...(userID !== undefined && { userID }),
    description: wellFormed(description ?? ''),
    status: status ?? 'active',
    permissions,
  };
}

export interface UpdateRequest {
  /** 'unknown' is refused only when stored, after the lookup and permission checks (encodeAuthorization). */
  status?: AuthorizationStatus | 'unknown';
  description?: string;
}

/** PATCH body: {description?, status?}; absent or null fields stay unchanged. */
export function decodeUpdateRequest(value: unknown): UpdateRequest {
  const body = asObject(value, 'the body');
  const description = optionalString(body.description, 'description');
  const status = decodeStatus(optionalString(body.status, 'status'));
  return {
    ...(status !== undefined && { status }),
    ...(description !== undefined && { description: wellFormed(description) }),
  };
}
