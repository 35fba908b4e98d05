/**
 * A JSON-LD context for the schema.org terms this package writes, bundled so documents can be
 * expanded and checked offline (pass it through a `documentLoader` for `https://schema.org`).
 * Every term maps into the schema.org vocabulary; `@id`-typed terms hold addresses.
 */
export const SCHEMA_ORG_CONTEXT = {
  '@context': {
    '@vocab': 'https://schema.org/',
    schema: 'https://schema.org/',
    url: { '@id': 'schema:url', '@type': '@id' },
    serviceUrl: { '@id': 'schema:serviceUrl', '@type': '@id' },
    sameAs: { '@id': 'schema:sameAs', '@type': '@id' },
  },
} as const;

/** The context URLs that resolve to {@link SCHEMA_ORG_CONTEXT}. */
export const SCHEMA_ORG_CONTEXT_URLS: readonly string[] = [
  'https://schema.org',
  'https://schema.org/',
  'http://schema.org',
  'http://schema.org/',
];
