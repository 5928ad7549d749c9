import escapeHTML from 'escape-html'
import { configToJSONSchema, type Endpoint, type Payload } from 'payload'

import type { EndpointQuery } from '../shared/endpoints'

type Schema = Record<string, unknown>
type Operation = {
  tags: string[]
  summary: string
  parameters?: Schema[]
  requestBody?: Schema
  responses: Schema
  security?: Schema[]
}

const INTERNAL = /^payload-/
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
const json = (schema: Schema) => ({ content: { 'application/json': { schema } } })
const error = { description: 'Error', ...json(ref('Errors')) }
const idParam = { name: 'id', in: 'path', required: true, schema: { type: ['string', 'integer'] } }
const queryParams = [
  {
    name: 'where',
    in: 'query',
    style: 'deepObject',
    explode: true,
    schema: { type: 'object' },
    description: 'Payload query, e.g. where[slug][equals]=my-post',
  },
  { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 0 } },
  { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1 } },
  { name: 'sort', in: 'query', schema: { type: 'string' }, description: 'Field name, - for descending' },
  { name: 'depth', in: 'query', schema: { type: 'integer', minimum: 0 } },
  { name: 'draft', in: 'query', schema: { type: 'boolean' }, description: 'Editors only: read the newest drafts' },
]

/** `#/definitions/x` (JSON Schema draft 4, as Payload writes it) → `#/components/schemas/x`. */
function rewriteRefs<T>(value: T): T {
  return JSON.parse(JSON.stringify(value).replaceAll('"#/definitions/', '"#/components/schemas/'))
}

/**
 * OpenAPI 3.1 for the content API, generated from the running config: each public collection's
 * schema comes from Payload's own JSON Schema of it (the one behind payload-types.ts), its CRUD
 * operations follow Payload's REST conventions, and custom endpoints are listed as they are declared.
 */
export function buildOpenApi(payload: Payload, title: string) {
  const { config } = payload
  const jsonSchema = configToJSONSchema(config, payload.db.defaultIDType) as { definitions: Record<string, Schema> }
  const api = config.routes.api
  const paths: Record<string, Record<string, Operation>> = {}
  const collections = config.collections.filter((collection) => !INTERNAL.test(collection.slug))

  for (const collection of collections) {
    const { slug } = collection
    const tag = [slug]
    const list = {
      type: 'object',
      properties: {
        docs: { type: 'array', items: ref(slug) },
        totalDocs: { type: 'integer' },
        page: { type: 'integer' },
        totalPages: { type: 'integer' },
        hasNextPage: { type: 'boolean' },
      },
    }
    paths[`${api}/${slug}`] = {
      get: {
        tags: tag,
        summary: `List ${slug}`,
        parameters: queryParams,
        responses: { 200: { description: 'A page of documents', ...json(list) }, 400: error },
      },
      post: {
        tags: tag,
        summary: `Create a ${slug} document`,
        requestBody: json(ref(slug)),
        security: [{ jwt: [] }],
        responses: {
          201: {
            description: 'Created',
            ...json({ type: 'object', properties: { doc: ref(slug), message: { type: 'string' } } }),
          },
          400: error,
          403: error,
        },
      },
    }
    paths[`${api}/${slug}/{id}`] = {
      get: {
        tags: tag,
        summary: `Read one ${slug} document`,
        parameters: [idParam, ...queryParams.slice(4)],
        responses: { 200: { description: 'The document', ...json(ref(slug)) }, 404: error },
      },
      patch: {
        tags: tag,
        summary: `Update a ${slug} document`,
        parameters: [idParam],
        requestBody: json(ref(slug)),
        security: [{ jwt: [] }],
        responses: {
          200: { description: 'Updated', ...json({ type: 'object', properties: { doc: ref(slug) } }) },
          400: error,
          403: error,
          404: error,
        },
      },
      delete: {
        tags: tag,
        summary: `Delete a ${slug} document`,
        parameters: [idParam],
        security: [{ jwt: [] }],
        responses: {
          200: { description: 'Deleted', ...json({ type: 'object', properties: { doc: ref(slug) } }) },
          403: error,
          404: error,
        },
      },
    }
    for (const endpoint of Array.isArray(collection.endpoints) ? collection.endpoints : []) {
      addCustom(paths, `${api}/${slug}${endpoint.path}`, endpoint, tag)
    }
  }
  for (const endpoint of Array.isArray(config.endpoints) ? config.endpoints : []) {
    if (endpoint.path.startsWith('/openapi') || endpoint.path === '/docs') continue
    addCustom(paths, `${api}${endpoint.path}`, endpoint, ['devlog'])
  }

  const schemas: Record<string, Schema> = {
    Errors: {
      type: 'object',
      properties: { errors: { type: 'array', items: { type: 'object', properties: { message: { type: 'string' } } } } },
    },
  }
  for (const [name, schema] of Object.entries(jsonSchema.definitions)) if (!INTERNAL.test(name)) schemas[name] = schema
  return rewriteRefs({
    openapi: '3.1.0',
    info: {
      title,
      version: '1',
      description: 'Generated from the collection configs. Reads of published content need no authentication.',
    },
    servers: [{ url: config.serverURL || '/' }],
    paths,
    components: {
      schemas,
      securitySchemes: {
        jwt: {
          type: 'apiKey',
          in: 'header',
          name: 'Authorization',
          description: '`JWT <token>` from POST /api/users/login',
        },
      },
    },
  })
}

function addCustom(
  paths: Record<string, Record<string, Operation>>,
  path: string,
  { method, custom }: Pick<Endpoint, 'method' | 'custom'>,
  tags: string[],
) {
  const openApiPath = path.replace(/:(\w+)/g, '{$1}')
  // The query parameters an endpoint declares, so the spec shows more than the path.
  const query = Object.entries((custom?.query ?? {}) as EndpointQuery).map(
    ([name, { description, enum: choices }]) => ({
      name,
      in: 'query',
      description,
      schema: choices ? { type: 'string', enum: choices } : { type: 'string' },
    }),
  )
  const parameters = [
    ...[...openApiPath.matchAll(/\{(\w+)\}/g)].map((match) => ({
      name: match[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    })),
    ...query,
  ]
  paths[openApiPath] = {
    ...paths[openApiPath],
    [method]: {
      tags,
      summary: `${method.toUpperCase()} ${openApiPath}`,
      parameters,
      responses: { 200: { description: 'OK' }, 400: error, 403: error, 404: error },
    },
  }
}

/** A page listing every operation of the spec, with no script and nothing fetched from elsewhere. */
export function renderOpenApiPage(spec: ReturnType<typeof buildOpenApi>): string {
  const rows = Object.entries(spec.paths as Record<string, Record<string, Operation>>)
    .flatMap(([path, operations]) =>
      Object.entries(operations).map(
        ([method, operation]) =>
          `<tr><td><code>${method.toUpperCase()}</code></td><td><code>${escapeHTML(path)}</code></td><td>${escapeHTML(operation.tags.join(', '))}</td><td>${escapeHTML(operation.summary)}${operation.security ? ' 🔒' : ''}</td></tr>`,
      ),
    )
    .join('\n')
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHTML(spec.info.title)}</title>
<style>body{font:14px/1.5 system-ui,sans-serif;margin:2rem;max-width:70rem}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}code{font-size:13px}</style></head>
<body><h1>${escapeHTML(spec.info.title)}</h1><p>${escapeHTML(spec.info.description)} Machine-readable: <a href="openapi.json">openapi.json</a> (OpenAPI ${spec.openapi}). 🔒 needs <code>Authorization: JWT &lt;token&gt;</code>.</p>
<table><thead><tr><th>Method</th><th>Path</th><th>Group</th><th>What</th></tr></thead><tbody>
${rows}
</tbody></table></body></html>`
}
