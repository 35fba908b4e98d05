export { checkConfig, type Reporter, type ResolvedService } from './checks.js';
export { contrastRatio, relativeLuminance } from './contrast.js';
export { mppConfigJsonSchema } from './json-schema.js';
export {
  ConfigError,
  type LoadedConfig,
  loadConfig,
  loadConfigOrThrow,
  loadConfigSync,
  type ParseConfigOptions,
  parseConfig,
} from './load.js';
export {
  type LogoMediaType,
  type LogoProblem,
  type LogoSource,
  resolveLogo,
} from './logo.js';
export {
  type BrandColours,
  BrandColoursSchema,
  type Branding,
  BrandingSchema,
} from './schema/branding.js';
export { HexColourSchema, LocalCodeSchema, TimeOfDaySchema } from './schema/common.js';
export { type Deployment, DeploymentSchema } from './schema/deployment.js';
export {
  type Board,
  BoardSchema,
  type Devices,
  DevicesSchema,
  type Kiosk,
  KioskSchema,
  type Loket,
  LoketSchema,
} from './schema/floor.js';
export {
  type Holiday,
  HolidaySchema,
  type OpeningHours,
  OpeningHoursSchema,
  type OpeningInterval,
  OpeningIntervalSchema,
  type Weekday,
} from './schema/hours.js';
export {
  type Identity,
  IdentitySchema,
  type Locales,
  LocalesSchema,
  TimezoneSchema,
} from './schema/identity.js';
export { type MppConfig, type MppConfigInput, MppConfigSchema } from './schema/mpp-config.js';
export {
  type PriorityClass,
  PriorityClassSchema,
  type QueuePolicy,
  QueuePolicySchema,
  type Survey,
  SurveySchema,
} from './schema/policy.js';
export {
  FileServiceSchema,
  InlineServiceSchema,
  NationalServiceSchema,
  type Tenant,
  TenantSchema,
  type TenantService,
  TenantServiceSchema,
} from './schema/tenants.js';
export { type IndonesianTimezone, timezoneForRegion } from './timezone.js';
