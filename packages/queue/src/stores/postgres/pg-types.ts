/**
 * The small part of node-postgres the store uses, as structural types: a `pg.Pool`
 * fits them, and the package's type declarations do not depend on `@types/pg`.
 */

/** Result of a query. */
export interface PgResult {
  // biome-ignore lint/suspicious/noExplicitAny: rows are mapped by the store
  readonly rows: any[];
  readonly rowCount: number | null;
}

/** A checked-out connection (`pg.PoolClient`). */
export interface PgClientLike {
  query(text: string, values?: unknown[]): Promise<PgResult>;
  release(error?: Error | boolean): void;
  on(
    event: 'notification',
    listener: (message: { channel: string; payload?: string }) => void,
  ): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

/** A named (prepared once per connection) query, as node-postgres takes it. */
export interface PgNamedQuery {
  readonly name: string;
  readonly text: string;
  readonly values: unknown[];
}

/** A connection pool (`pg.Pool`). */
export interface PgPoolLike {
  connect(): Promise<PgClientLike>;
  query(text: string, values?: unknown[]): Promise<PgResult>;
  query(query: PgNamedQuery): Promise<PgResult>;
}
