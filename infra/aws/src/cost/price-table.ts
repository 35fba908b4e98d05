/**
 * On-demand list prices (USD) used by the `estimate` command, for one AWS region.
 *
 * Keep this table dated and sourced. To refresh it, read each figure from the AWS Price List
 * (`aws pricing get-products --region us-east-1 --service-code <code> --filters
 * Type=TERM_MATCH,Field=regionCode,Value=ap-southeast-3 …`) or https://calculator.aws, update
 * `asOf`, and set `checkedAgainstSource` to true.
 */
export interface PriceTable {
  readonly region: string;
  /** Date the figures were compiled (ISO). */
  readonly asOf: string;
  readonly source: string;
  /** Whether each figure was read from the source on `asOf` (false: compiled offline, must be checked). */
  readonly checkedAgainstSource: boolean;
  readonly currency: 'USD';
  readonly hoursPerMonth: number;
  readonly prices: {
    readonly natGatewayHour: number;
    readonly natGatewayGb: number;
    readonly publicIpv4Hour: number;
    readonly interfaceEndpointHour: number;
    readonly albHour: number;
    readonly albLcuHour: number;
    readonly fargateVcpuHour: number;
    readonly fargateGbHour: number;
    /** Single-AZ PostgreSQL instance hours; Multi-AZ costs twice. */
    readonly rdsInstanceHour: Readonly<Record<string, number>>;
    readonly rdsGp3GbMonth: number;
    readonly backupGbMonth: number;
    readonly auroraAcuHour: number;
    readonly auroraStorageGbMonth: number;
    readonly auroraIoMillion: number;
    /** Database Insights advanced mode, per ACU-hour (serverless) or vCPU-hour. */
    readonly databaseInsightsAdvancedAcuHour: number;
    readonly cloudfrontGbAsia: number;
    readonly cloudfrontHttpsRequests10k: number;
    readonly wafWebAclMonth: number;
    readonly wafRuleMonth: number;
    readonly wafRequestsMillion: number;
    readonly logsIngestGb: number;
    readonly logsStorageGbMonth: number;
    readonly alarmMonth: number;
    readonly secretMonth: number;
    readonly kmsKeyMonth: number;
    readonly ecrGbMonth: number;
    readonly hostedZoneMonth: number;
    // Added for issue 15 (security services, logs, the backup account); same date and caveat.
    /** GuardDuty foundational: CloudTrail management events analysed, per million. */
    readonly guardDutyCloudTrailEventsMillion: number;
    /** GuardDuty foundational: VPC flow logs and DNS logs analysed, per GB. */
    readonly guardDutyFlowLogsGb: number;
    /** GuardDuty RDS Protection (login events), per vCPU-hour of the database (ACU: per 2 ACU). */
    readonly guardDutyRdsVcpuHour: number;
    /** GuardDuty S3 Protection, per million S3 data events. */
    readonly guardDutyS3EventsMillion: number;
    /** Vended logs (VPC flow, WAF, CloudFront) delivered to S3, per GB. */
    readonly vendedLogsS3Gb: number;
    /** S3 Standard storage, per GB-month (audit and ALB logs). */
    readonly s3StandardGbMonth: number;
    /** KMS requests, per 10 000. */
    readonly kmsRequests10k: number;
  };
}

/** Jakarta (ap-southeast-3). */
export const JAKARTA_PRICES: PriceTable = {
  region: 'ap-southeast-3',
  asOf: '2026-11-23',
  source:
    'AWS public on-demand list prices for Asia Pacific (Jakarta), per service pricing pages and the AWS Price List API; compiled offline (no AWS access on the build machine) — check against https://calculator.aws before quoting',
  checkedAgainstSource: false,
  currency: 'USD',
  hoursPerMonth: 730,
  prices: {
    natGatewayHour: 0.059,
    natGatewayGb: 0.059,
    publicIpv4Hour: 0.005,
    interfaceEndpointHour: 0.013,
    albHour: 0.0252,
    albLcuHour: 0.008,
    fargateVcpuHour: 0.05056,
    fargateGbHour: 0.00553,
    rdsInstanceHour: {
      'db.t4g.small': 0.052,
      'db.t4g.medium': 0.104,
      'db.m7g.large': 0.226,
    },
    rdsGp3GbMonth: 0.138,
    backupGbMonth: 0.095,
    auroraAcuHour: 0.16,
    auroraStorageGbMonth: 0.11,
    auroraIoMillion: 0.22,
    databaseInsightsAdvancedAcuHour: 0.003125,
    cloudfrontGbAsia: 0.12,
    cloudfrontHttpsRequests10k: 0.012,
    wafWebAclMonth: 5,
    wafRuleMonth: 1,
    wafRequestsMillion: 0.6,
    logsIngestGb: 0.7,
    logsStorageGbMonth: 0.033,
    alarmMonth: 0.1,
    secretMonth: 0.4,
    kmsKeyMonth: 1,
    ecrGbMonth: 0.1,
    hostedZoneMonth: 0.5,
    guardDutyCloudTrailEventsMillion: 4.72,
    guardDutyFlowLogsGb: 1.18,
    guardDutyRdsVcpuHour: 0.0026,
    guardDutyS3EventsMillion: 0.94,
    vendedLogsS3Gb: 0.3,
    s3StandardGbMonth: 0.025,
    kmsRequests10k: 0.03,
  },
};
