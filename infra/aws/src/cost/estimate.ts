import type { InstanceSpec } from '../spec/instance-spec.js';
import { isMultiAz, natGatewayCount, SIZE_PROFILES } from '../spec/profiles.js';
import type { PriceTable } from './price-table.js';

/** Usage assumptions per visitor, documented in the README next to the table. */
export const USAGE = {
  /** HTTP requests per visitor-day, including kiosk and display-board polling. */
  requestsPerVisitor: 150,
  /** Data sent to the browser per visitor (MB). */
  transferMbPerVisitor: 3,
  /** NAT traffic per month (GB): images come through the VPC endpoints, so this stays small. */
  natGbPerMonth: 20,
  /** Log volume per visitor (KB). */
  logKbPerVisitor: 40,
  /** Average Aurora capacity as a share between min and max ACU. */
  auroraAverageLoad: 0.1,
  /** Aurora I/O (million requests) per 1000 visitors a day, per month. */
  auroraIoMillionPer1000Visitors: 30,
  /** Image storage in ECR (GB). */
  ecrGb: 5,
  /** CloudTrail management events of one instance account per month (ECS, KMS, Secrets…). */
  cloudTrailEventsPerMonth: 300_000,
  /** VPC flow log volume: a baseline (health checks, endpoints) plus per visitor. */
  flowLogBaseGbPerMonth: 1,
  flowLogKbPerVisitor: 5,
  /** WAF log record and CloudFront access log record per request (KB). */
  wafLogKbPerRequest: 1.5,
  cloudfrontLogKbPerRequest: 0.7,
  /** S3 data events GuardDuty reads per month (log delivery writes, mostly). */
  s3DataEventsMillionPerMonth: 1,
  /** KMS requests per month (secrets at task start, log encryption, S3 bucket keys). */
  kmsRequestsPerMonth: 200_000,
  daysPerMonth: 30,
} as const;

export interface CostLine {
  readonly item: string;
  readonly quantity: string;
  readonly monthly: number;
}

export interface CostEstimate {
  readonly lines: readonly CostLine[];
  readonly total: number;
}

/** Monthly cost of one instance from a price table: one line per billed item. Pure. */
export function estimateMonthlyCost(spec: InstanceSpec, table: PriceTable): CostEstimate {
  const p = table.prices;
  const h = table.hoursPerMonth;
  const profile = SIZE_PROFILES[spec.profile];
  const production = spec.environment === 'production';
  const azs = spec.availabilityZoneCount;
  const visitorsMonth = profile.visitorsPerDay * USAGE.daysPerMonth;
  const requestsMonth = visitorsMonth * USAGE.requestsPerVisitor;
  const lines: CostLine[] = [];
  const add = (item: string, quantity: string, monthly: number) =>
    lines.push({ item, quantity, monthly });

  const nats = natGatewayCount(profile, production, azs);
  add('NAT gateway', `${nats} × ${h} h`, nats * h * p.natGatewayHour);
  add('NAT data processed', `${USAGE.natGbPerMonth} GB`, USAGE.natGbPerMonth * p.natGatewayGb);
  const ips = nats + azs; // NAT EIPs + one ALB address per AZ
  add('Public IPv4 addresses', `${ips} × ${h} h`, ips * h * p.publicIpv4Hour);
  const endpoints = 4 * azs;
  add('VPC interface endpoints', `4 × ${azs} AZ × ${h} h`, endpoints * h * p.interfaceEndpointHour);

  add('Application Load Balancer', `${h} h + ~1 LCU`, h * (p.albHour + p.albLcuHour));
  const tasks = profile.task.minCount;
  const vcpu = profile.task.cpu / 1024;
  const gb = profile.task.memoryMb / 1024;
  add(
    'ECS Fargate tasks (minimum count)',
    `${tasks} × ${vcpu} vCPU / ${gb} GB`,
    tasks * h * (vcpu * p.fargateVcpuHour + gb * p.fargateGbHour),
  );

  const multiAz = isMultiAz(profile, production);
  const db = profile.database;
  if (db.kind === 'rds') {
    const rate = p.rdsInstanceHour[db.instanceClass];
    if (rate === undefined) throw new Error(`no price for ${db.instanceClass} in ${table.region}`);
    const copies = multiAz ? 2 : 1;
    add(
      `RDS PostgreSQL ${db.instanceClass}${multiAz ? ' Multi-AZ' : ''}`,
      `${copies} × ${h} h`,
      copies * h * rate,
    );
    add(
      'RDS gp3 storage',
      `${copies} × ${db.allocatedStorageGb} GB`,
      copies * db.allocatedStorageGb * p.rdsGp3GbMonth,
    );
    add(
      'Backup storage (≈ one full copy)',
      `${db.allocatedStorageGb} GB`,
      db.allocatedStorageGb * p.backupGbMonth,
    );
  } else {
    const acu =
      db.minCapacityAcu + (db.maxCapacityAcu - db.minCapacityAcu) * USAGE.auroraAverageLoad;
    add(
      'Aurora Serverless v2',
      `${db.instanceCount} × ${acu.toFixed(1)} ACU avg × ${h} h`,
      db.instanceCount * acu * h * p.auroraAcuHour,
    );
    add(
      'Aurora storage',
      `${db.estimatedStorageGb} GB`,
      db.estimatedStorageGb * p.auroraStorageGbMonth,
    );
    const io = (profile.visitorsPerDay / 1000) * USAGE.auroraIoMillionPer1000Visitors;
    add('Aurora I/O', `${io.toFixed(0)} M requests`, io * p.auroraIoMillion);
    add(
      'Backup storage (≈ one full copy)',
      `${db.estimatedStorageGb} GB`,
      db.estimatedStorageGb * p.backupGbMonth,
    );
    if (profile.databaseInsights === 'advanced') {
      add(
        'Database Insights (advanced)',
        `${db.instanceCount} × ${acu.toFixed(1)} ACU × ${h} h`,
        db.instanceCount * acu * h * p.databaseInsightsAdvancedAcuHour,
      );
    }
  }

  const transferGb = (visitorsMonth * USAGE.transferMbPerVisitor) / 1024;
  add('CloudFront data out (Asia)', `${transferGb.toFixed(0)} GB`, transferGb * p.cloudfrontGbAsia);
  add(
    'CloudFront HTTPS requests',
    `${(requestsMonth / 1e6).toFixed(1)} M`,
    (requestsMonth / 10_000) * p.cloudfrontHttpsRequests10k,
  );
  add(
    'WAF web ACL, 4 rules, requests',
    `${(requestsMonth / 1e6).toFixed(1)} M requests`,
    p.wafWebAclMonth + 4 * p.wafRuleMonth + (requestsMonth / 1e6) * p.wafRequestsMillion,
  );

  const logGb = (visitorsMonth * USAGE.logKbPerVisitor) / 1024 / 1024;
  const keptMonths = spec.logRetentionDays / 30;
  add(
    'CloudWatch Logs',
    `${logGb.toFixed(1)} GB/month, kept ${spec.logRetentionDays} d`,
    logGb * p.logsIngestGb + logGb * keptMonths * p.logsStorageGbMonth,
  );
  const alarms = 9;
  add('CloudWatch alarms', `${alarms}`, alarms * p.alarmMonth);
  add('Secrets Manager (master, app, migrator)', '3', 3 * p.secretMonth);
  add(
    'KMS keys (database, backup, logs) and requests',
    `3 + ${USAGE.kmsRequestsPerMonth / 1000}k requests`,
    3 * p.kmsKeyMonth + (USAGE.kmsRequestsPerMonth / 10_000) * p.kmsRequests10k,
  );

  // Detection and investigation (issue 15). In a fleet where the organisation runs
  // CloudTrail and GuardDuty centrally, these lines move to the security account's bill.
  const cloudTrailMillion = USAGE.cloudTrailEventsPerMonth / 1e6;
  add('CloudTrail (first copy of management events)', 'free tier', 0);
  const flowGb =
    USAGE.flowLogBaseGbPerMonth + (visitorsMonth * USAGE.flowLogKbPerVisitor) / 1024 ** 2;
  const wafLogGb = (requestsMonth * USAGE.wafLogKbPerRequest) / 1024 ** 2;
  const cdnLogGb = (requestsMonth * USAGE.cloudfrontLogKbPerRequest) / 1024 ** 2;
  // Both RDS classes have 2 vCPUs (the standby is not billed); Aurora is billed per ACU.
  const vcpus = db.kind === 'rds' ? 2 : db.minCapacityAcu * db.instanceCount;
  add(
    'GuardDuty (CloudTrail, flow logs, RDS logins, S3)',
    `${cloudTrailMillion.toFixed(1)} M events, ${flowGb.toFixed(1)} GB, ${vcpus} vCPU`,
    cloudTrailMillion * p.guardDutyCloudTrailEventsMillion +
      flowGb * p.guardDutyFlowLogsGb +
      vcpus * h * p.guardDutyRdsVcpuHour +
      USAGE.s3DataEventsMillionPerMonth * p.guardDutyS3EventsMillion,
  );
  add('VPC flow logs to S3', `${flowGb.toFixed(1)} GB`, flowGb * p.vendedLogsS3Gb);
  add('WAF logs to S3', `${wafLogGb.toFixed(1)} GB`, wafLogGb * p.vendedLogsS3Gb);
  add('CloudFront access logs to S3', `${cdnLogGb.toFixed(1)} GB`, cdnLogGb * p.vendedLogsS3Gb);
  // Object Lock keeps each month's logs for the whole retention: the steady state holds that many months.
  const auditGb = (flowGb + wafLogGb + cdnLogGb) * keptMonths * 0.3; // Parquet/gzip ≈ 30 %
  add(
    'Audit and ALB log storage (S3, Object Lock)',
    `${auditGb.toFixed(1)} GB kept ${spec.logRetentionDays} d`,
    auditGb * p.s3StandardGbMonth,
  );
  const dbGb = db.kind === 'rds' ? db.allocatedStorageGb : db.estimatedStorageGb;
  if (spec.backupCopyVaultArn !== undefined) {
    add(
      'Backup copy in the backup account (≈ one full copy)',
      `${dbGb} GB`,
      dbGb * p.backupGbMonth,
    );
  }
  add('ECR image storage', `${USAGE.ecrGb} GB`, USAGE.ecrGb * p.ecrGbMonth);
  if (spec.domain) add('Route 53 hosted zone', '1', p.hostedZoneMonth);

  const total = lines.reduce((sum, l) => sum + l.monthly, 0);
  return { lines, total };
}

/** A plain-text table of an estimate, for the terminal. */
export function formatEstimate(title: string, estimate: CostEstimate, table: PriceTable): string {
  const money = (n: number) => `$${n.toFixed(2)}`;
  const itemWidth = Math.max(...estimate.lines.map((l) => l.item.length), 5);
  const qtyWidth = Math.max(...estimate.lines.map((l) => l.quantity.length), 8);
  const row = (a: string, b: string, c: string) =>
    `${a.padEnd(itemWidth)}  ${b.padEnd(qtyWidth)}  ${c.padStart(10)}`;
  return [
    title,
    row('Item', 'Quantity', `${table.currency}/month`),
    row('-'.repeat(itemWidth), '-'.repeat(qtyWidth), '-'.repeat(10)),
    ...estimate.lines.map((l) => row(l.item, l.quantity, money(l.monthly))),
    row('-'.repeat(itemWidth), '-'.repeat(qtyWidth), '-'.repeat(10)),
    row('Total / Jumlah', '', money(estimate.total)),
  ].join('\n');
}
