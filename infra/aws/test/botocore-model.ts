// Validates JSON documents against the AWS service models that botocore ships (Debian's
// python3-botocore): the shapes AWS's own SDKs use, so a document the API would refuse is
// refused here, offline. Mocks echo inputs back; these models do not.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

export const BOTOCORE_DATA = '/usr/lib/python3/dist-packages/botocore/data';

interface Shape {
  type: string;
  members?: Record<string, { shape: string }>;
  required?: string[];
  member?: { shape: string };
  key?: { shape: string };
  value?: { shape: string };
  enum?: string[];
  min?: number;
  max?: number;
}

export interface ServiceModel {
  readonly service: string;
  readonly version: string;
  readonly shapes: Record<string, Shape>;
}

/** The newest model of `service` (e.g. `ecs`), or a clear error when botocore is missing. */
export function loadModel(service: string): ServiceModel {
  const dir = join(BOTOCORE_DATA, service);
  if (!existsSync(dir)) {
    throw new Error(
      `AWS service models not found at ${dir}: install Debian's python3-botocore ` +
        '(apt-get install -y python3-botocore; CI: add it to the needed packages of .ci/system-deps.sh).',
    );
  }
  const version = readdirSync(dir).sort().at(-1) as string;
  const plain = join(dir, version, 'service-2.json');
  const text = existsSync(plain)
    ? readFileSync(plain, 'utf8')
    : gunzipSync(readFileSync(`${plain}.gz`)).toString('utf8');
  return { service, version, shapes: JSON.parse(text).shapes };
}

export interface ValidateOptions {
  /**
   * Match member names without regard to case: Pulumi spells WAF rules `visibilityConfig`
   * where the API says `VisibilityConfig` (ECS task definitions use the API's own names).
   */
  readonly ignoreCase?: boolean;
}

/** Problems of `value` against shape `shapeName`, each with its JSON path; [] when valid. */
export function validateShape(
  model: ServiceModel,
  shapeName: string,
  value: unknown,
  options: ValidateOptions = {},
): string[] {
  const problems: string[] = [];
  const check = (name: string, v: unknown, path: string): void => {
    const shape = model.shapes[name];
    if (!shape) throw new Error(`${model.service} has no shape ${name}`);
    switch (shape.type) {
      case 'structure': {
        if (v === null || typeof v !== 'object' || Array.isArray(v)) {
          problems.push(`${path}: expected an object (${name})`);
          return;
        }
        const members = shape.members ?? {};
        const lookup = new Map(
          Object.keys(members).map((m) => [options.ignoreCase ? m.toLowerCase() : m, m]),
        );
        const given = new Set<string>();
        for (const [key, child] of Object.entries(v)) {
          const member = lookup.get(options.ignoreCase ? key.toLowerCase() : key);
          if (member === undefined) {
            problems.push(`${path}.${key}: unknown member of ${name}`);
            continue;
          }
          given.add(member);
          check((members[member] as { shape: string }).shape, child, `${path}.${key}`);
        }
        for (const r of shape.required ?? []) {
          if (!given.has(r)) problems.push(`${path}: missing required member ${r} of ${name}`);
        }
        return;
      }
      case 'list': {
        if (!Array.isArray(v)) {
          problems.push(`${path}: expected a list (${name})`);
          return;
        }
        bounds(shape, v.length, path, 'items');
        for (const [i, item] of v.entries()) {
          check((shape.member as { shape: string }).shape, item, `${path}[${i}]`);
        }
        return;
      }
      case 'map': {
        if (v === null || typeof v !== 'object' || Array.isArray(v)) {
          problems.push(`${path}: expected a map (${name})`);
          return;
        }
        for (const [k, child] of Object.entries(v)) {
          check((shape.key as { shape: string }).shape, k, `${path}{${k}}`);
          check((shape.value as { shape: string }).shape, child, `${path}.${k}`);
        }
        return;
      }
      case 'string': {
        if (typeof v !== 'string') {
          problems.push(`${path}: expected a string (${name})`);
          return;
        }
        if (shape.enum && !shape.enum.includes(v)) {
          problems.push(`${path}: '${v}' is not one of ${shape.enum.join(', ')}`);
        }
        bounds(shape, v.length, path, 'characters');
        return;
      }
      case 'integer':
      case 'long':
        if (typeof v !== 'number' || !Number.isInteger(v)) {
          problems.push(`${path}: expected an integer (${name})`);
          return;
        }
        bounds(shape, v, path, '');
        return;
      case 'double':
      case 'float':
        if (typeof v !== 'number') problems.push(`${path}: expected a number (${name})`);
        return;
      case 'boolean':
        if (typeof v !== 'boolean') problems.push(`${path}: expected a boolean (${name})`);
        return;
      case 'timestamp':
      case 'blob':
        if (typeof v !== 'string' && typeof v !== 'number') {
          problems.push(`${path}: expected a ${shape.type} (${name})`);
        }
        return;
      default:
        throw new Error(`unsupported shape type ${shape.type} (${name})`);
    }
  };
  const bounds = (shape: Shape, n: number, path: string, unit: string) => {
    if (shape.min !== undefined && n < shape.min)
      problems.push(`${path}: ${n} ${unit} < min ${shape.min}`.replace('  ', ' '));
    if (shape.max !== undefined && n > shape.max)
      problems.push(`${path}: ${n} ${unit} > max ${shape.max}`.replace('  ', ' '));
  };
  check(shapeName, value, '$');
  return problems;
}
