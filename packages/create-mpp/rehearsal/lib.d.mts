/** Verdaccio settings: `localPackages` never come from the uplink. */
export function verdaccioConfig(options: {
  storage: string;
  htpasswd: string;
  uplink: string;
  localPackages: readonly string[];
}): string;
/** Package patterns (scopes as `@scope/*`) for the names the rehearsal publishes. */
export function localPackagePatterns(names: readonly string[]): string[];
/** A changeset bumping every named package by a patch. */
export function changesetForAll(names: readonly string[]): string;
/** The environment without npm/pnpm settings of the parent process. */
export function cleanEnv(env: Readonly<Record<string, string | undefined>>): Record<string, string>;
/** Seconds since `start`, e.g. `12.3s`. */
export function elapsed(start: number): string;
export function changesetFor(names: readonly string[], summary: string): string;
export interface UpgradeEdit {
  file: string;
  anchor: string;
  insert: string;
  marker: string;
}
export const UPGRADE: {
  migration: { file: string; name: string; table: string; sql: string };
  edits: UpgradeEdit[];
};
export function insertAfter(
  text: string,
  edit: { file: string; anchor: string; insert: string },
): string;
