export { type AccumulatorState, accumulate, SkmAccumulator } from './accumulator.js';
export {
  aggregate,
  DIMENSIONS,
  type Dimension,
  dimensionValue,
  GroupedAccumulator,
  type GroupKey,
  type GroupScore,
  isDimension,
  scoreGroups,
} from './aggregate.js';
export { type Bilingual, bi } from './bilingual.js';
export { kinerja, type Mutu, mutuFromHundredths } from './grade.js';
export { EXTRA_PREFIX, isRecordColumn, RECORD_COLUMNS } from './io/columns.js';
export { type CsvRecordSink, CsvSyntaxError, CsvTokenizer, fieldText } from './io/csv-reader.js';
export {
  type CsvReadOptions,
  CsvResponseSink,
  readCsvResponses,
  readCsvResponsesStrict,
} from './io/csv-responses.js';
export {
  type JsonReadOptions,
  readJsonResponses,
  readJsonResponsesStrict,
} from './io/json-responses.js';
export { formatRowError, type ReadResult, type RowError, SkmInputError } from './io/row-error.js';
export { type PackedResponse, packResponse } from './packed.js';
export { PERIOD_KINDS, type PeriodKind, periodKey } from './period.js';
export {
  compareScores,
  improvementPriorities,
  type ScoreChange,
  type UnsurChange,
} from './priorities.js';
export {
  JENIS_KELAMIN,
  NOT_ANSWERED,
  PEKERJAAN,
  PENDIDIKAN,
  PROFILE_CATEGORIES,
  PROFILE_FIELDS,
  PROFILE_LABELS,
  type ProfileField,
  profileCategory,
  type RespondentProfile,
  USIA_GROUPS,
  usiaGroup,
} from './profile.js';
export {
  defineQuestionnaire,
  type ExtraQuestion,
  type Questionnaire,
  SKM_2017,
  SKM_2017_VERSION,
  type UnsurDefinition,
  unsurDefinition,
} from './questionnaire.js';
export {
  add,
  compare,
  mul,
  type Rational,
  rational,
  roundScaled,
  sub,
  toFixed,
  toFractionString,
  toRoundedNumber,
} from './rational.js';
export { reportToHtml, reportToJson, reportToMarkdown } from './report/render.js';
export { buildReport, groupsTable, type ReportOptions, type SkmReport } from './report/report.js';
export {
  DECIMALS,
  type ScoreSummary,
  summarize,
  summarizeGroup,
  type UnsurSummary,
} from './report/summary.js';
export {
  csvField,
  type Lang,
  type Table,
  type TableColumn,
  tableToCsv,
  tableToText,
} from './report/table.js';
export {
  type Answer,
  parseResponse,
  parseResponses,
  responseSchema,
  type SkmResponse,
  SkmValidationError,
  type ValidationIssue,
} from './response.js';
export { checkSample, marginOfError, requiredSampleSize, type SampleCheck } from './sample-size.js';
export {
  type ScoreOptions,
  type SkmScore,
  scoreAccumulator,
  scoreResponses,
  type UnsurScore,
} from './score.js';
export { isUnsurCode, UNSUR_CODES, UNSUR_COUNT, type UnsurCode, unsurIndex } from './unsur.js';
export { isWeightMode, unsurWeight, WEIGHT_MODES, type WeightMode } from './weight.js';
