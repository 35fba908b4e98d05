import { z } from 'zod';
import type { ApiRoute } from '../features/api-route.js';
import { API_ROUTES } from './routes.js';

/** The body of every 4xx answer. */
export const errorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.object({ id: z.string(), en: z.string() }),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' });

const content = (mediaType: string, schema: z.ZodType, io: 'input' | 'output') => ({
  [mediaType]: { schema: jsonSchema(schema, io) },
});

function operation(route: ApiRoute): Record<string, unknown> {
  const staff = route.access !== 'public';
  const success = String(route.status ?? 200);
  const responses: Record<string, unknown> = {
    [success]:
      route.response === undefined
        ? { description: 'OK' }
        : 'mediaType' in route.response
          ? { description: 'OK', content: { [route.response.mediaType]: {} } }
          : { description: 'OK', content: content('application/json', route.response, 'output') },
  };
  if (route.forms) responses['303'] = { description: 'A form post: redirect to the next page' };
  for (const status of route.errors)
    responses[String(status)] = {
      description: 'Refused',
      content: content('application/json', errorSchema, 'output'),
    };
  const parameters: Record<string, unknown>[] = Object.entries(route.params?.shape ?? {}).map(
    ([name, schema]) => ({
      name,
      in: 'path',
      required: true,
      description: (schema as z.ZodType).description ?? name,
      schema: jsonSchema(schema as z.ZodType, 'input'),
    }),
  );
  for (const [name, description] of Object.entries(route.query ?? {}))
    parameters.push({
      name,
      in: 'query',
      required: false,
      description,
      schema: { type: 'string' },
    });
  if (staff && route.method === 'POST')
    parameters.push({
      name: 'x-csrf-token',
      in: 'header',
      required: true,
      description: 'value of the mpp_csrf cookie',
      schema: { type: 'string' },
    });
  const op: Record<string, unknown> = {
    operationId: `${route.method.toLowerCase()}${route.path.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
    summary: route.summary,
    parameters,
    responses,
    ...(staff ? { security: [{ session: [] }] } : {}),
  };
  if (route.body) {
    const body = content('application/json', route.body, 'input');
    if (route.forms) {
      const form = jsonSchema(route.body, 'input');
      body['application/x-www-form-urlencoded'] = { schema: form };
      if (route.files) body['multipart/form-data'] = { schema: form };
    }
    op.requestBody = { required: true, content: body };
  }
  return op;
}

/** The OpenAPI 3.1 document of {@link API_ROUTES}: the same declarations the endpoints validate with. */
export function buildOpenApi(
  title: string,
  routes: readonly ApiRoute[] = API_ROUTES,
): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    paths[route.path] = {
      ...(paths[route.path] ?? {}),
      [route.method.toLowerCase()]: operation(route),
    };
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
