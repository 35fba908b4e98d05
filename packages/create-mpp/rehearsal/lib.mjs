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
  const lines = names.map((n) => `'${n}': patch`).join('\n');
  return `---\n${lines}\n---\n\nRelease rehearsal: publish every public package to a local registry.\n`;
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
