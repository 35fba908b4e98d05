// Pure helpers of the release rehearsal (tested in test/rehearsal.test.ts).

/** Verdaccio settings: our own package names are local-only; everything else comes from `uplink`. */
export function verdaccioConfig({ storage, htpasswd, uplink, localPackages }) {
  const local = localPackages
    .map((pattern) => `  '${pattern}':\n    access: $all\n    publish: $authenticated\n`)
    .join('');
  return `# Written by the create-mpp release rehearsal; deleted with its temporary folder.
storage: ${JSON.stringify(storage)}
auth:
  htpasswd:
    file: ${JSON.stringify(htpasswd)}
    max_users: 1
uplinks:
  upstream:
    url: ${JSON.stringify(uplink)}
    timeout: 60s
    maxage: 30m
    agent_options:
      keepAlive: true
      maxSockets: 64
packages:
${local}  '**':
    access: $all
    publish: $authenticated
    proxy: upstream
web:
  enable: false
max_body_size: 200mb
log: { type: stdout, format: pretty, level: warn }
`;
}

/** Names Verdaccio must never fetch from the uplink: the packages the rehearsal publishes. */
export function localPackagePatterns(names) {
  const scopes = new Set(names.filter((n) => n.startsWith('@')).map((n) => `${n.split('/')[0]}/*`));
  return [...scopes, ...names.filter((n) => !n.startsWith('@'))].sort();
}

/** A changeset bumping every public package, so the rehearsal releases all of them. */
export function changesetForAll(names) {
  return changesetFor(
    names,
    'Release rehearsal: publish every public package to a local registry.',
  );
}

/** A changeset with a patch bump of each named package. */
export function changesetFor(names, summary) {
  const lines = names.map((n) => `'${n}': patch`).join('\n');
  return `---\n${lines}\n---\n\n${summary}\n`;
}

/**
 * What release N+1 of @mpp-kit/app changes in the rehearsal's copy of the workspace: a new
 * migration, a marker on a page, and markers in two default overridable components (the project
 * overrides one of them, HomeIntro, so its own version must still be the one served).
 */
export const UPGRADE = {
  migration: {
    file: 'packages/app/migrations/9000_rehearsal_upgrade.sql',
    name: '9000_rehearsal_upgrade.sql',
    table: 'rehearsal_upgrade',
    sql: '-- Added by the release rehearsal (release N+1).\ncreate table rehearsal_upgrade (noted_at timestamptz not null default now());\n',
  },
  edits: [
    {
      file: 'packages/app/src/routes/jam-layanan.astro',
      anchor: "<h1>{t(lang, 'hours')}</h1>",
      insert: '\n  <p data-testid="rehearsal-page">REHEARSAL-N1-PAGE</p>',
      marker: 'REHEARSAL-N1-PAGE',
    },
    {
      file: 'packages/app/src/overridable/Footer.astro',
      anchor: '<footer class="site">',
      insert: '\n  <span data-testid="rehearsal-footer">REHEARSAL-N1-FOOTER</span>',
      marker: 'REHEARSAL-N1-FOOTER',
    },
    {
      file: 'packages/app/src/overridable/HomeIntro.astro',
      anchor: '<p>{tagline}</p>',
      insert: '\n<p data-testid="rehearsal-home-intro">REHEARSAL-N1-DEFAULT-HOME-INTRO</p>',
      marker: 'REHEARSAL-N1-DEFAULT-HOME-INTRO',
    },
  ],
};

/** Inserts `insert` after `anchor`, once; fails naming the file when the anchor is not there. */
export function insertAfter(text, { file, anchor, insert }) {
  const at = text.indexOf(anchor);
  if (at < 0) throw new Error(`${file}: the rehearsal's anchor ${JSON.stringify(anchor)} is gone`);
  const end = at + anchor.length;
  return text.slice(0, end) + insert + text.slice(end);
}

/** An environment without the npm/pnpm settings of the process that started the rehearsal. */
export function cleanEnv(env) {
  const out = {};
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) continue;
    if (/^(npm_|pnpm_|PNPM_|INIT_CWD$|NODE_OPTIONS$|VITEST)/i.test(key)) continue;
    out[key] = value;
  }
  return out;
}

/** Seconds since `start`, one decimal. */
export function elapsed(start) {
  return `${((Date.now() - start) / 1000).toFixed(1)}s`;
}
