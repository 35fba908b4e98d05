import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { buildOpenApi } from './openapi.js';
import { API_ROUTES } from './routes.js';

const apiDir = fileURLToPath(new URL('../routes/api/', import.meta.url));

/** Each endpoint file's URL as OpenAPI writes it, with the methods the file exports. */
function routeFiles(): { path: string; methods: string[]; file: string }[] {
  const found: { path: string; methods: string[]; file: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.ts$/.test(entry.name) && !/\.(test|d)\.ts$/.test(entry.name)) {
        const relative = path.relative(apiDir, file).split(path.sep).join('/');
        const url = `/api/${relative.replace(/\.ts$/, '').replace(/(^|\/)index$/, '')}`
          .replace(/\/$/, '')
          .replace(/\[([^\]]+)\]/g, '{$1}');
        found.push({ path: url, methods: [], file });
      }
    }
  };
  walk(apiDir);
  return found;
}

describe('API routes: one list drives validation and OpenAPI', () => {
  it('has a declaration for every file under src/routes/api and a file for every declaration', async () => {
    const files = routeFiles();
    for (const file of files) {
      const module = (await import(file.file)) as Record<string, unknown>;
      file.methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].filter((m) => m in module);
    }
    const fromFiles = files.flatMap((f) => f.methods.map((m) => `${m} ${f.path}`)).sort();
    const declared = API_ROUTES.map((r) => `${r.method} ${r.path}`).sort();
    expect(declared).toEqual(fromFiles);
    expect(new Set(declared).size).toBe(declared.length);
  });

  it('declares every path parameter of a route in its params schema, and no other', () => {
    for (const route of API_ROUTES) {
      const inPath = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(Object.keys(route.params?.shape ?? {}).sort(), route.path).toEqual(inPath);
    }
  });

  it('builds a structurally valid OpenAPI 3.1 document listing every route', () => {
    const doc = buildOpenApi('MPP Test') as {
      openapi: string;
      info: { title: string; version: string };
      paths: Record<string, Record<string, Operation>>;
      components: { securitySchemes: Record<string, unknown> };
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toBeTruthy();
    expect(doc.info.version).toBeTruthy();
    const listed = Object.entries(doc.paths).flatMap(([p, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${p}`),
    );
    expect(listed.sort()).toEqual(API_ROUTES.map((r) => `${r.method} ${r.path}`).sort());

    // every schema in the document must compile as JSON Schema 2020-12 (OpenAPI 3.1's dialect)
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    const operationIds = new Set<string>();
    for (const [url, methods] of Object.entries(doc.paths)) {
      expect(url.startsWith('/')).toBe(true);
      for (const [method, op] of Object.entries(methods)) {
        expect(['get', 'post', 'put', 'patch', 'delete']).toContain(method);
        expect(op.operationId).toMatch(/^\w+$/);
        expect(operationIds.has(op.operationId)).toBe(false);
        operationIds.add(op.operationId);
        expect(Object.keys(op.responses).length).toBeGreaterThan(0);
        for (const [status, response] of Object.entries(op.responses)) {
          expect(status).toMatch(/^[1-5]\d\d$/);
          expect(response.description).toBeTruthy();
          for (const media of Object.values(response.content ?? {}))
            if (media.schema) ajv.compile(media.schema);
        }
        const pathParams = op.parameters.filter((p) => p.in === 'path').map((p) => p.name);
        expect(pathParams.sort()).toEqual(
          [...url.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string).sort(),
        );
        for (const parameter of op.parameters) {
          expect(['path', 'query', 'header', 'cookie']).toContain(parameter.in);
          if (parameter.in === 'path') expect(parameter.required).toBe(true);
          ajv.compile(parameter.schema);
        }
        for (const media of Object.values(op.requestBody?.content ?? {})) ajv.compile(media.schema);
        for (const requirement of op.security ?? [])
          for (const name of Object.keys(requirement))
            expect(doc.components.securitySchemes).toHaveProperty(name);
      }
    }
  });
});

interface Operation {
  operationId: string;
  parameters: { name: string; in: string; required?: boolean; schema: object }[];
  requestBody?: { content: Record<string, { schema: object }> };
  responses: Record<string, { description: string; content?: Record<string, { schema?: object }> }>;
  security?: Record<string, unknown>[];
}
