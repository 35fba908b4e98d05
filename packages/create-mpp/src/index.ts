export { type AgencyChoice, agencyChoices } from './agencies.js';
export {
  type Answers,
  CHECKS,
  DEFAULTS,
  type DeploymentProfile,
  PROFILES,
  type RawAnswers,
  regionKind,
  slugify,
  TIMEZONES,
  validateAgencies,
  validateAnswers,
} from './answers.js';
export { type CliRequest, FLAGS, type FlagSpec, helpText, parseCliArgs } from './args.js';
export { buildConfig, renderConfig, ticketPrefix } from './config-file.js';
export { CreateMppError, invalidAnswer } from './errors.js';
export {
  type FindLeaksOptions,
  findLeaks,
  formatLeaks,
  type Leak,
  TEMPLATE_SOURCES,
  TEXT_FILE,
  templateSourceOf,
} from './leaks.js';
export { packageManager, type RunContext, run } from './main.js';
export {
  addRootTools,
  type BiomeConfig,
  DEPENDENCY_FIELDS,
  inlineBiomeRoot,
  inlineTsconfigBase,
  type Manifest,
  PROJECT_GITIGNORE,
  projectBiome,
  publishedRange,
  rewriteWorkspaceRanges,
  type Tsconfig,
  type WorkspacePackage,
} from './manifest.js';
export { type PathContext, rewriteClimbingPaths } from './paths.js';
export { fillDefaults, promptForMissing } from './prompts.js';
export { PROVINCES, provinceForRegion } from './provinces.js';
export { renderReadme } from './readme.js';
export {
  assertUsableTarget,
  bundledTemplateDir,
  type ScaffoldOptions,
  type ScaffoldResult,
  scaffold,
} from './scaffold.js';
