// Validates response bodies against the official OpenAPI contract in contracts/ with Ajv,
// so the stand-in's and the proxy's answers are checked by the contract, not by hand-written field checks.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';

/** The official contract's parts this product answers: tokens, and the orgs, users, buckets and writes beside them. */
const CONTRACTS = ['influxdb-authorizations-openapi.yml', 'influxdb-tenants-openapi.yml'];

interface OpenApiDoc {
  paths: Record<string, Record<string, { responses: Record<string, ResponseObject> }>>;
  components: { responses: Record<string, ResponseObject>; schemas: Record<string, unknown> };
}
interface ResponseObject {
  $ref?: string;
  content?: Record<string, { schema?: unknown }>;
}

/** Both parts as one document: they come from one source, so what they share is the same. */
const doc: OpenApiDoc = { paths: {}, components: { responses: {}, schemas: {} } };
for (const file of CONTRACTS) {
  const part = parse(
    readFileSync(fileURLToPath(new URL(`../contracts/${file}`, import.meta.url)), 'utf8'),
  ) as OpenApiDoc;
  Object.assign(doc.paths, part.paths);
  for (const [kind, entries] of Object.entries(part.components) as [keyof OpenApiDoc['components'], object][]) {
    doc.components[kind] = { ...doc.components[kind], ...entries } as never;
  }
}

const ajv = new Ajv({ strict: false, allErrors: true });
const addFormats = addFormatsModule as unknown as (a: Ajv) => Ajv;
addFormats(ajv);
// The real server sends links as relative paths ("/api/v2/authorizations/<id>"): check them as URI references.
ajv.addFormat('uri', (value: string) => {
  try {
    new URL(value, 'http://base.invalid');
    return true;
  } catch {
    return false;
  }
});
ajv.addSchema({ components: doc.components }, 'contract');

const cache = new Map<string, ValidateFunction>();

function resolveResponse(response: ResponseObject): ResponseObject {
  if (!response.$ref) return response;
  const name = response.$ref.replace('#/components/responses/', '');
  const target = doc.components.responses[name];
  if (!target) throw new Error(`contract: unknown response ${response.$ref}`);
  return target;
}

/** Rewrites "#/components/..." refs so they resolve inside the schema registered as "contract". */
function rebase(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(rebase);
  if (schema && typeof schema === 'object') {
    return Object.fromEntries(
      Object.entries(schema).map(([key, value]) => [
        key,
        key === '$ref' && typeof value === 'string' && value.startsWith('#/') ? `contract${value}` : rebase(value),
      ]),
    );
  }
  return schema;
}

/**
 * Throws unless `body` matches the contract's schema for this operation and status.
 * `path` is the contract's path template, e.g. "/authorizations/{authID}".
 */
export function assertMatchesContract(method: string, path: string, status: number, body: unknown): void {
  const key = `${method.toLowerCase()} ${path} ${status}`;
  let validate = cache.get(key);
  if (!validate) {
    const operation = doc.paths[path]?.[method.toLowerCase()];
    if (!operation) throw new Error(`contract: no operation ${method} ${path}`);
    const declared = operation.responses[String(status)] ?? operation.responses.default;
    if (!declared) throw new Error(`contract: ${method} ${path} declares no response ${status}`);
    const schema = resolveResponse(declared).content?.['application/json']?.schema;
    if (!schema) {
      if (body === undefined || body === '' || body === null) return;
      throw new Error(`contract: ${method} ${path} ${status} declares no body, got ${JSON.stringify(body)}`);
    }
    validate = ajv.compile(rebase(schema) as object);
    cache.set(key, validate);
  }
  if (!validate(body)) {
    throw new Error(
      `contract: ${method} ${path} ${status} body does not match: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body).slice(0, 500)}`,
    );
  }
}

/** Maps a concrete API path ("/api/v2/buckets/0a1b...?x=y") to its contract template, or undefined when none has it. */
export function contractPathOf(urlPath: string): string | undefined {
  const path = urlPath.split('?')[0]!.replace(/^\/api\/v2/, '');
  if (doc.paths[path]) return path;
  return Object.keys(doc.paths).find((template) =>
    new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path),
  );
}

/** The methods the contract declares for a path template, upper case. */
export function contractMethodsOf(template: string): string[] {
  return Object.keys(doc.paths[template] ?? {})
    .filter((key) => ['get', 'post', 'put', 'patch', 'delete'].includes(key))
    .map((method) => method.toUpperCase());
}
