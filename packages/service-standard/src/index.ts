export { type BilingualText, BilingualTextSchema, localize, nonBlank } from './bilingual-text.js';
export {
  buildCatalogue,
  type ParsedCatalogueFile,
  parseCatalogue,
  parseCatalogueFile,
} from './catalogue.js';
export {
  diffLayanan,
  formatDiff,
  type StandardChange,
  type StandardDiff,
  type VersionBump,
} from './diff.js';
export { type JsonLdOptions, toGovernmentServiceJsonLd } from './interop/jsonld.js';
export { SCHEMA_ORG_CONTEXT, SCHEMA_ORG_CONTEXT_URLS } from './interop/schema-org-context.js';
export {
  SIPP_COLUMNS,
  type SippOptions,
  type SippRecord,
  toSippCsv,
  toSippRecord,
} from './interop/sipp.js';
export {
  formatBiaya,
  formatDuration,
  formatRequirement,
  formatRupiah,
  type Locale,
} from './interop/words.js';
export {
  bilingualErrorMap,
  formatIssue,
  formatPath,
  type LoadResult,
  type SourceIssue,
  splitBilingual,
} from './issues.js';
export { jsonSchemaFiles, toJsonSchema } from './json-schema.js';
export {
  type Catalogue,
  type CatalogueFile,
  type CatalogueFileInput,
  CatalogueFileSchema,
} from './schemas/catalogue.js';
export {
  CodeSchema,
  type Duration,
  DurationSchema,
  type DurationUnit,
  DurationUnitSchema,
  EmailSchema,
  HttpUrlSchema,
  IsoDateSchema,
  isKelompokRentan,
  KELOMPOK_RENTAN,
  type KelompokRentan,
  KelompokRentanSchema,
  PlainTextSchema,
  type Source,
  SourceSchema,
  VersionSchema,
} from './schemas/common.js';
export {
  type Channels,
  ChannelsSchema,
  type Layanan,
  type LayananCategory,
  LayananCategorySchema,
  type LayananInput,
  LayananSchema,
  type VulnerableProvision,
  VulnerableProvisionSchema,
} from './schemas/layanan.js';
export {
  type LegalInstrumentType,
  LegalInstrumentTypeSchema,
  type LegalReference,
  LegalReferenceSchema,
} from './schemas/legal-reference.js';
export {
  type Contact,
  ContactSchema,
  type Penyelenggara,
  type PenyelenggaraKind,
  PenyelenggaraKindSchema,
  PenyelenggaraSchema,
} from './schemas/penyelenggara.js';
export {
  type Biaya,
  BiayaSchema,
  type ComplaintChannel,
  ComplaintChannelSchema,
  type EvaluasiKinerja,
  EvaluasiKinerjaSchema,
  type ForumKonsultasiPublik,
  ForumKonsultasiPublikSchema,
  type JangkaWaktu,
  JangkaWaktuSchema,
  type JumlahPelaksana,
  JumlahPelaksanaSchema,
  KOMPONEN_STANDAR,
  type KomponenKey,
  type PenangananPengaduan,
  PenangananPengaduanSchema,
  type ProcedureStep,
  ProcedureStepSchema,
  type Product,
  ProductSchema,
  type Prosedur,
  ProsedurSchema,
  type Publication,
  PublicationSchema,
  type Requirement,
  RequirementSchema,
  type Sarana,
  SaranaSchema,
  type StandarPelayanan,
  type StandarPelayananInput,
  StandarPelayananSchema,
  type Tarif,
  TarifSchema,
} from './schemas/standar-pelayanan.js';
export {
  compareVersions,
  findStandard,
  parseStandardRef,
  STANDARD_REF_PATTERN,
  type StandardRef,
  standardRef,
  standardVersions,
} from './standard-ref.js';
export { sortIssues, validateYaml, YamlSource, zodIssuesToSource } from './yaml-source.js';
