// POST /api/v2/orgs's body, decoded as kithttp's API.DecodeJSON decodes it into an influxdb.Organization:
// failures are 400 "failed to unmarshal json: ..." (the detail in Go's words where it can be had, else the
// stand-in's), unknown fields are ignored, and a null or missing name is "".
import { invalid } from './errors';
import { RawJsonBody } from './request-bodies';

const unmarshal = (detail: string) => invalid(`failed to unmarshal json: ${detail}`);

/** Go's name for a JSON value's kind in its "cannot unmarshal" errors. */
function goKind(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'boolean') return 'bool';
  return typeof value === 'object' ? 'object' : typeof value;
}

function stringField(body: Record<string, unknown>, field: 'name' | 'description'): string {
  const value = body[field];
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string')
    throw unmarshal(
      `json: cannot unmarshal ${goKind(value)} into Go struct field Organization.${field} of type string`,
    );
  return value;
}

export function decodeOrgBody(raw: unknown): { name: string; description: string } {
  const text = raw instanceof RawJsonBody ? raw.text : '';
  if (text.trim() === '') throw unmarshal('EOF');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw unmarshal((error as Error).message);
  }
  if (body === null) return { name: '', description: '' };
  if (typeof body !== 'object' || Array.isArray(body))
    throw unmarshal(`json: cannot unmarshal ${goKind(body)} into Go value of type influxdb.Organization`);
  const fields = body as Record<string, unknown>;
  return { name: stringField(fields, 'name'), description: stringField(fields, 'description') };
}
