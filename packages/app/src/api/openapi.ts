import { z } from 'zod';
import { API_ROUTES, errorSchema } from './api-schemas.js';

const json = (schema: z.ZodType) => ({
  'application/json': { schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) },
});

/** OpenAPI 3.1 document built from the zod schemas the endpoints validate with. */
export function buildOpenApi(title: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of API_ROUTES) {
    const responses: Record<string, unknown> = {
      200: route.response
        ? { description: 'OK', content: json(route.response) }
        : { description: 'OK' },
    };
    for (const status of route.errors) {
      responses[status] = { description: 'Error', content: json(errorSchema) };
    }
    const parameters = Object.entries(route.params ?? {}).map(([name, description]) => ({
      name,
      in: 'path',
      required: true,
      description,
      schema: { type: 'string' },
    }));
    if (route.staff && route.method === 'post') {
      parameters.push({
        name: 'x-csrf-token',
        in: 'header',
        required: true,
        description: 'value of the mpp_csrf cookie',
        schema: { type: 'string' },
      } as (typeof parameters)[number]);
    }
    const operation: Record<string, unknown> = {
      summary: route.summary,
      parameters,
      responses,
      ...(route.staff ? { security: [{ session: [] }] } : {}),
    };
    if (route.body) operation.requestBody = { required: true, content: json(route.body) };
    paths[route.path] = { ...(paths[route.path] ?? {}), [route.method]: operation };
  }
  return {
    openapi: '3.1.0',
    info: { title: `${title} API`, version: '1' },
    paths,
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'mpp_session' } },
    },
  };
}
