import { CreateMppError } from './errors.js';

/** The dependency fields of a package.json. */
export const DEPENDENCY_FIELDS = [
  'dependencies',
  'devDependencies',
  'peerDependencies',
  'optionalDependencies',
] as const;

/** A package.json, as far as create-mpp reads and writes it. */
export type Manifest = Record<string, unknown> & {
  name?: string;
  version?: string;
  private?: boolean;
  scripts?: Record<string, string>;
} & { [K in (typeof DEPENDENCY_FIELDS)[number]]?: Record<string, string> };

/**
 * The published range for a `workspace:` range: `workspace:^` and `workspace:*` become
 * `^<version>`, `workspace:~` becomes `~<version>`, `workspace:<range>` becomes `<range>`.
 */
export function publishedRange(range: string, version: string): string {
  const spec = range.slice('workspace:'.length);
  if (spec === '^' || spec === '*' || spec === '') return `^${version}`;
  if (spec === '~') return `~${version}`;
  return spec;
}

/** A workspace package as the template rewriting sees it. */
export interface WorkspacePackage {
  readonly version: string;
  readonly private: boolean;
}

/**
 * Rewrites every `workspace:` range of a manifest to the published version of that package.
 * A range on a private or unknown workspace package cannot be installed outside the monorepo
 * and is an error naming the file and the dependency.
 */
export function rewriteWorkspaceRanges(
  manifest: Manifest,
  workspace: ReadonlyMap<string, WorkspacePackage>,
  file: string,
): Manifest {
  const out: Manifest = structuredClone(manifest);
  for (const field of DEPENDENCY_FIELDS) {
    const deps = out[field];
    if (!deps) continue;
    for (const [name, range] of Object.entries(deps)) {
      if (!range.startsWith('workspace:')) continue;
      const target = workspace.get(name);
      if (target === undefined || target.private)
        throw new CreateMppError('unpublished-dependency', {
          id: `${file}: ${field}.${name} menunjuk paket workspace yang tidak diterbitkan`,
          en: `${file}: ${field}.${name} points at a workspace package that is not published`,
        });
      deps[name] = publishedRange(range, target.version);
    }
  }
  return out;
}

/** Binaries a template's scripts may call, and the package that provides each. */
const TOOL_PACKAGES: Readonly<Record<string, string>> = {
  tsc: 'typescript',
  tsup: 'tsup',
  vitest: 'vitest',
  biome: '@biomejs/biome',
  astro: 'astro',
};

/**
 * Adds the build tools a template's scripts call but that the monorepo provides from its
 * root (`tsc`, `vitest`, `tsup`, `biome`), at the root's versions, plus `@types/node`
 * when the TypeScript settings use Node's types. Declared versions are never changed.
 */
export function addRootTools(
  manifest: Manifest,
  rootDevDependencies: Readonly<Record<string, string>>,
  needsNodeTypes: boolean,
): Manifest {
  const out: Manifest = structuredClone(manifest);
  const declared = (name: string) =>
    DEPENDENCY_FIELDS.some((field) => out[field]?.[name] !== undefined);
  const scripts = Object.values(out.scripts ?? {}).join('\n');
  const wanted = Object.entries(TOOL_PACKAGES)
    .filter(([bin]) => new RegExp(`(^|[\\s;&|(])${bin}(\\s|$)`, 'm').test(scripts))
    .map(([, pkg]) => pkg);
  if (needsNodeTypes) wanted.push('@types/node');
  for (const pkg of wanted) {
    const version = rootDevDependencies[pkg];
    if (declared(pkg) || version === undefined) continue;
    out.devDependencies = { ...(out.devDependencies ?? {}), [pkg]: version };
  }
  if (out.devDependencies) out.devDependencies = sortKeys(out.devDependencies);
  return out;
}

function sortKeys(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

/** A tsconfig.json, as far as inlining its base goes. */
export type Tsconfig = Record<string, unknown> & {
  extends?: string | string[];
  compilerOptions?: Record<string, unknown>;
};

/**
 * Merges a base tsconfig into one that extends it, the way `extends` would, so the result
 * no longer points at a file outside the project.
 */
export function inlineTsconfigBase(config: Tsconfig, base: Tsconfig): Tsconfig {
  const { extends: _ignored, ...rest } = config;
  const { extends: baseExtends, ...baseRest } = base;
  return {
    ...(baseExtends === undefined ? {} : { extends: baseExtends }),
    ...baseRest,
    ...rest,
    compilerOptions: { ...(base.compilerOptions ?? {}), ...(config.compilerOptions ?? {}) },
  };
}

/** A biome.json, as far as inlining the monorepo's root settings goes. */
export type BiomeConfig = Record<string, unknown> & {
  $schema?: string;
  root?: boolean;
  extends?: string | string[];
  overrides?: unknown[];
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function deepMerge(base: Record<string, unknown>, over: Record<string, unknown>) {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const prior = out[key];
    out[key] = isPlainObject(prior) && isPlainObject(value) ? deepMerge(prior, value) : value;
  }
  return out;
}

/**
 * Inlines the monorepo's root biome.json into a nested one that `extends: "//"` it, so the
 * new project's root config stands alone. Nested settings win; `overrides` are appended.
 */
export function inlineBiomeRoot(nested: BiomeConfig, root: BiomeConfig): BiomeConfig {
  const { extends: _extends, root: _root, $schema: _schema, overrides, ...rest } = nested;
  const { $schema: _rootSchema, root: _rootRoot, ...rootRest } = root;
  const merged = deepMerge(rootRest, rest) as BiomeConfig;
  const all = [...(root.overrides ?? []), ...(overrides ?? [])];
  return all.length > 0 ? { ...merged, overrides: all } : merged;
}

/**
 * The biome.json of a new project: the monorepo root's lint and format settings, without its
 * `files` list (which names monorepo folders; the project's .gitignore does that job through
 * `vcs.useIgnoreFile`) and with the schema of the project's own Biome.
 */
export function projectBiome(root: BiomeConfig): BiomeConfig {
  const { $schema: _schema, root: _root, files: _files, extends: _extends, ...settings } = root;
  return { $schema: './node_modules/@biomejs/biome/configuration_schema.json', ...settings };
}

/** The .gitignore of a new project (shipped as `_gitignore`: npm drops a `.gitignore`). */
export const PROJECT_GITIGNORE = `# Dependencies, the Astro build, the embedded PostgreSQL and demo logins (data/), secrets.
node_modules/
dist/
.astro/
data/
*.log
.env
.env.*
!.env.example
`;
