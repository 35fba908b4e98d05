import { readFile } from 'node:fs/promises';
import { type LoadedConfig, parseConfig } from '@mpp-kit/config';
import { parseCatalogue, type Catalogue as StandardCatalogue } from '@mpp-kit/service-standard';
import { nationalCatalogue } from '@mpp-kit/service-standard/node';
import pg from 'pg';
import { parse as parseYaml, stringify } from 'yaml';
import { isAppError } from '../../shared/errors.js';
import { buildCatalogue, type Catalogue } from '../catalogue/catalogue.js';
import { counterId } from '../catalogue/config-mapping.js';
import type { LiveCatalogue } from '../catalogue/live-catalogue.js';
import { siteConfigOf } from '../queue/queue-site.js';
import {
  type AdminOverlay,
  agenciesOff,
  applyOverlay,
  EMPTY_OVERLAY,
  type OverlayChange,
  overlaySchema,
  servicesOff,
  withChange,
} from './admin-overlay.js';
import type { CatalogueFileText } from './catalogue-admin.js';

/** One problem with a change, naming the field of the configuration it concerns. */
export interface ConfigIssue {
  path: string;
  id: string;
  en: string;
}

export type Effective =
  | { ok: true; loaded: LoadedConfig; catalogue: Catalogue }
  | { ok: false; errors: ConfigIssue[] };

export type ChangeResult =
  | { ok: true; version: number; before: unknown; after: unknown }
  | { ok: false; status: 400 | 409; errors: ConfigIssue[] };

/** What the administration needs of the running queue. */
export interface QueueControl {
  reconfigure(): Promise<void>;
  heldAt(counterIds: string[]): Promise<Map<string, unknown>>;
}

// One change at a time across replicas: the overlay is read, extended and stored under it.
const LOCK = 7066;

/** NOTIFYed (at commit) after every stored change and catalogue import: replicas reload. */
export const ADMIN_CHANNEL = 'mpp_admin_config';

// What the running configuration was built from: the overlay version and the catalogue revision.
const STAMP = `select (select coalesce(max(version), 0) from admin_overlay)::text || ':' ||
  (select coalesce(max(id), 0) from catalogue_revision)::text as stamp`;

/** The imported catalogue in front of the national one: its standards win on the same version. */
export function mergedCatalogue(files: CatalogueFileText[] | undefined): StandardCatalogue {
  const national = nationalCatalogue();
  if (!files) return national;
  const parsed = parseCatalogue(files);
  if (!parsed.ok) return national;
  return {
    penyelenggara: [...parsed.data.penyelenggara, ...national.penyelenggara],
    layanan: [...parsed.data.layanan, ...national.layanan],
  };
}

/**
 * The configuration that runs: `mpp.config.yaml` with the stored overlay laid over its YAML and
 * `standard:` references looked up in the imported catalogue first, validated by
 * `@mpp-kit/config` exactly like the file (schema and cross-field checks) and by the queue
 * engine's site checks. Pure apart from reading the file.
 */
export async function effectiveConfig(
  configFile: string,
  overlay: AdminOverlay,
  catalogueFiles: CatalogueFileText[] | undefined,
): Promise<Effective> {
  const text = await readFile(configFile, 'utf8');
  const options = { catalogue: mergedCatalogue(catalogueFiles) };
  const base = parseConfig(text, configFile, options);
  if (!base.ok) return { ok: false, errors: base.errors.map(toIssue) };
  const applied = applyOverlay(parseYaml(text), base.data.services, overlay);
  const result = parseConfig(stringify(applied), configFile, options);
  if (!result.ok) return { ok: false, errors: result.errors.map(toIssue) };
  const catalogue = buildCatalogue(result.data, servicesOff(overlay, result.data.services));
  try {
    siteConfigOf(catalogue);
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { ok: false, errors: [{ path: 'instance', id: error.messageId, en: error.messageEn }] };
  }
  return { ok: true, loaded: result.data, catalogue };
}

function toIssue(issue: { path: string; message: { id: string; en: string } }): ConfigIssue {
  return { path: issue.path, id: issue.message.id, en: issue.message.en };
}

/**
 * Agencies, services and counters changed by administrators (decision 0066): each change is
 * validated against the whole effective configuration, stored as a new overlay version, and
 * applied to the running app (the live catalogue and the queue engine's site) in one step; a
 * change that cannot be applied is not stored.
 */
export class AdminConfig {
  constructor(
    private readonly pool: pg.Pool,
    private readonly configFile: string,
    private readonly live: LiveCatalogue,
    private readonly queue: QueueControl,
  ) {}

  /** The stamp (overlay version, catalogue revision) the running catalogue was built from. */
  private loaded: string | undefined;
  private reloading: Promise<unknown> = Promise.resolve();

  private async stamp(client: pg.Pool | pg.PoolClient = this.pool): Promise<string> {
    return (await client.query<{ stamp: string }>(STAMP)).rows[0]?.stamp ?? '0:0';
  }

  /** The effective configuration at start, remembering what it was built from. */
  async load(): Promise<Effective> {
    const stamp = await this.stamp();
    const effective = await this.effective();
    this.loaded = stamp;
    return effective;
  }

  /**
   * Applies what another replica stored, if anything changed since this process last loaded.
   * Runs under the change lock, so it never applies an older overlay after a newer one.
   */
  reload(): Promise<unknown> {
    const run = this.reloading.then(async () => {
      if ((await this.stamp()) === this.loaded) return false;
      const client = await this.pool.connect();
      try {
        await client.query('begin');
        await client.query('select pg_advisory_xact_lock($1)', [LOCK]);
        const stamp = await this.stamp(client);
        if (stamp === this.loaded) return false;
        const effective = await this.effective();
        if (effective.ok) await this.apply(effective.catalogue);
        this.loaded = stamp;
        return effective.ok ? true : effective.errors;
      } finally {
        await client.query('commit').catch(() => {});
        client.release();
      }
    });
    this.reloading = run.catch(() => {});
    return run;
  }

  /**
   * Follows changes made by other processes on the same database: LISTEN on {@link
   * ADMIN_CHANNEL} and reload on every notification; also checks every `recheckMs` (a
   * notification sent while the listening connection was reconnecting is lost). Returns `stop`.
   */
  follow(
    url: string,
    log: { warn(obj: object, msg: string): void; info(obj: object, msg: string): void },
    recheckMs = 10_000,
  ): () => Promise<void> {
    let stopped = false;
    let client: pg.Client | undefined;
    const reload = (why: string) =>
      this.reload().then(
        (result) => {
          if (result === true)
            log.info({ why }, 'administration change from another process applied');
          else if (Array.isArray(result))
            log.warn({ errors: result }, 'administration changes not applied');
        },
        (error: unknown) => log.warn({ err: String(error) }, 'administration reload failed'),
      );
    const connect = async (): Promise<void> => {
      if (stopped) return;
      const c = new pg.Client({ connectionString: url });
      c.on('notification', () => void reload('notification'));
      c.on('error', (error) => {
        log.warn({ err: error.message }, 'administration listener lost; reconnecting');
        c.end().catch(() => {});
        if (client === c) client = undefined;
        if (!stopped) setTimeout(() => void connect().catch(() => {}), 1_000).unref();
      });
      try {
        await c.connect();
        await c.query(`listen ${ADMIN_CHANNEL}`);
        client = c;
        // whatever was notified while not listening
        void reload('reconnect');
      } catch (error) {
        c.end().catch(() => {});
        log.warn({ err: String(error) }, 'administration listener failed; retrying');
        if (!stopped) setTimeout(() => void connect().catch(() => {}), 1_000).unref();
      }
    };
    void connect();
    const timer = setInterval(() => void reload('recheck'), recheckMs);
    timer.unref();
    return async () => {
      stopped = true;
      clearInterval(timer);
      await client?.end().catch(() => {});
      await this.reloading;
    };
  }

  /** Tells the other processes to reload (a catalogue import, stored outside {@link change}). */
  async announce(): Promise<void> {
    this.loaded = await this.stamp();
    await this.pool.query('select pg_notify($1, $2)', [ADMIN_CHANNEL, this.loaded]);
  }

  /** The latest overlay and its version (0: no change yet). */
  async current(client: pg.Pool | pg.PoolClient = this.pool): Promise<{
    version: number;
    overlay: AdminOverlay;
  }> {
    const r = await client.query<{ version: string; overlay: unknown }>(
      'select version, overlay from admin_overlay order by version desc limit 1',
    );
    const row = r.rows[0];
    if (!row) return { version: 0, overlay: EMPTY_OVERLAY };
    return { version: Number(row.version), overlay: overlaySchema.parse(row.overlay) };
  }

  /** Versions, newest first, for the history table. */
  async history(
    limit = 20,
  ): Promise<{ version: number; at: string; username: string; change: OverlayChange }[]> {
    const r = await this.pool.query<{
      version: string;
      at: Date;
      username: string;
      change: OverlayChange;
    }>('select version, at, username, change from admin_overlay order by version desc limit $1', [
      limit,
    ]);
    return r.rows.map((row) => ({
      version: Number(row.version),
      at: row.at.toISOString(),
      username: row.username,
      change: row.change,
    }));
  }

  /** The effective configuration from what is stored (at start and after an import). */
  async effective(
    overlay?: AdminOverlay,
    catalogueFiles?: CatalogueFileText[] | null,
  ): Promise<Effective> {
    const files = catalogueFiles === undefined ? await latestCatalogue(this.pool) : catalogueFiles;
    return effectiveConfig(
      this.configFile,
      overlay ?? (await this.current()).overlay,
      files ?? undefined,
    );
  }

  /**
   * The agencies a change concerns, before and after it (a counter moved between agencies
   * concerns both); `null`: the whole MPP (an agency's own name, for the MPP manager).
   */
  concerns(change: OverlayChange): string[] | null | undefined {
    const catalogue = this.live.catalogue;
    switch (change.kind) {
      case 'agency':
      case 'agency-add':
      case 'agency-state':
      case 'hours':
        return null;
      case 'service': {
        const owner = catalogue.config.source.tenants.find((t) =>
          catalogue.agency(t.code)?.services.some((s) => s.code === change.service),
        );
        return owner ? [owner.code] : undefined;
      }
      case 'counter': {
        const before = catalogue.counter(counterId(change.counter.number));
        return [...new Set([change.counter.tenant, ...(before ? [before.agency] : [])])];
      }
      case 'counter-remove': {
        const before = catalogue.counter(counterId(change.number));
        return before ? [before.agency] : undefined;
      }
    }
  }

  /** Validates, stores and applies one change. */
  async change(change: OverlayChange, username: string): Promise<ChangeResult> {
    const unknown = this.unknownTarget(change);
    if (unknown) return { ok: false, status: 400, errors: [unknown] };
    if (change.kind === 'counter-remove') {
      const id = counterId(change.number);
      if ((await this.queue.heldAt([id])).size > 0) {
        return {
          ok: false,
          status: 409,
          errors: [
            {
              path: `loket.${change.number}`,
              id: `Loket ${change.number} sedang memegang tiket; selesaikan atau alihkan dulu, lalu hapus`,
              en: `Counter ${change.number} is holding a ticket; finish or transfer it first, then remove the counter`,
            },
          ],
        };
      }
    }
    const client = await this.pool.connect();
    try {
      await client.query('begin');
      await client.query('select pg_advisory_xact_lock($1)', [LOCK]);
      const { overlay } = await this.current(client);
      if (change.kind === 'agency-state' && change.off && this.lastOn(overlay) === change.agency) {
        const last = change.agency;
        await client.query('rollback');
        return {
          ok: false,
          status: 409,
          errors: [
            {
              path: `tenants.${last}`,
              id: `Instansi '${last}' adalah satu-satunya yang masih aktif; MPP tidak boleh tanpa layanan`,
              en: `Agency '${last}' is the only one still on; the MPP cannot be left with no services`,
            },
          ],
        };
      }
      const next = withChange(overlay, change);
      const effective = await this.effective(next);
      if (!effective.ok) {
        await client.query('rollback');
        return { ok: false, status: 400, errors: effective.errors };
      }
      const before = describe(this.live.catalogue, change, overlay);
      const r = await client.query<{ version: string }>(
        'insert into admin_overlay (username, change, overlay) values ($1, $2, $3) returning version',
        [username, JSON.stringify(change), JSON.stringify(next)],
      );
      await this.apply(effective.catalogue);
      // delivered to every listening process when (and only if) the change commits
      await client.query('select pg_notify($1, $2)', [ADMIN_CHANNEL, r.rows[0]?.version ?? '']);
      this.loaded = await this.stamp(client);
      await client.query('commit');
      return {
        ok: true,
        version: Number(r.rows[0]?.version),
        before,
        after: describe(effective.catalogue, change, next),
      };
    } catch (error) {
      await client.query('rollback').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  /**
   * Swaps the running catalogue and saves the queue site; if the engine refuses, the previous
   * catalogue is put back (and the caller's transaction rolls back the stored change).
   */
  async apply(next: Catalogue): Promise<void> {
    const previous = this.live.current();
    this.live.replace(next);
    try {
      await this.queue.reconfigure();
    } catch (error) {
      this.live.replace(previous);
      throw error;
    }
  }

  /** The one agency still switched on, if only one is (it cannot be switched off). */
  private lastOn(overlay: AdminOverlay): string | undefined {
    const off = agenciesOff(overlay);
    const on = this.live.catalogue.agencies.filter((a) => !off.has(a.id));
    return on.length === 1 ? on[0]?.id : undefined;
  }

  private unknownTarget(change: OverlayChange): ConfigIssue | undefined {
    const catalogue = this.live.catalogue;
    if (change.kind === 'agency-state' && !catalogue.agency(change.agency)) {
      return {
        path: 'agency',
        id: `instansi '${change.agency}' tidak ada`,
        en: `agency '${change.agency}' does not exist`,
      };
    }
    if (change.kind === 'agency-add') {
      if (catalogue.agency(change.agency))
        return {
          path: 'agency',
          id: `instansi '${change.agency}' sudah ada`,
          en: `agency '${change.agency}' already exists`,
        };
      if (catalogue.counter(counterId(change.counter.number)))
        return {
          path: 'counter.number',
          id: `loket ${change.counter.number} sudah ada; pilih nomor lain`,
          en: `counter ${change.counter.number} already exists; choose another number`,
        };
    }
    if (change.kind === 'agency' && !catalogue.agency(change.agency)) {
      return {
        path: 'agency',
        id: `instansi '${change.agency}' tidak ada`,
        en: `agency '${change.agency}' does not exist`,
      };
    }
    if (change.kind === 'service' && this.concerns(change) === undefined) {
      return {
        path: 'service',
        id: `layanan '${change.service}' tidak ada`,
        en: `service '${change.service}' does not exist`,
      };
    }
    if (change.kind === 'counter-remove' && !catalogue.counter(counterId(change.number))) {
      return {
        path: 'number',
        id: `loket ${change.number} tidak ada`,
        en: `counter ${change.number} does not exist`,
      };
    }
    return undefined;
  }
}

/** The files of the latest imported catalogue revision, if any. */
export async function latestCatalogue(
  pool: pg.Pool | pg.PoolClient,
): Promise<CatalogueFileText[] | undefined> {
  const r = await pool.query<{ files: CatalogueFileText[] }>(
    'select files from catalogue_revision order by id desc limit 1',
  );
  return r.rows[0]?.files;
}

/** What a change touches, as it is in a catalogue (the audit log's before and after). */
function describe(catalogue: Catalogue, change: OverlayChange, overlay: AdminOverlay): unknown {
  switch (change.kind) {
    case 'agency':
      return { name: catalogue.agency(change.agency)?.name ?? null };
    case 'agency-state': {
      return catalogue.agency(change.agency)
        ? { off: agenciesOff(overlay).has(change.agency) }
        : null;
    }
    case 'agency-add': {
      const a = catalogue.agency(change.agency);
      if (!a) return null;
      return {
        name: a.name,
        services: a.services.map((s) => s.code),
        counter: catalogue.config.source.loket.find((l) => l.number === change.counter.number),
      };
    }
    case 'hours':
      return catalogue.config.source.openingHours;
    case 'service': {
      const s = catalogue.agencies
        .flatMap((a) => a.services)
        .find((x) => x.code === change.service);
      return s ? { offered: s.offered, dailyCap: s.dailyCap ?? null } : null;
    }
    case 'counter':
    case 'counter-remove': {
      const number = change.kind === 'counter' ? change.counter.number : change.number;
      return catalogue.config.source.loket.find((l) => l.number === number) ?? null;
    }
  }
}
