// Rules for the findings of issue 15: each one fails the resource that would reopen a finding.
import type { ResourceValidationPolicy, StackValidationPolicy } from '@pulumi/policy';
import { isPrivate, parseCidr, VPC_PREFIX_RANGE } from '../spec/cidr.js';
import { SIZE_PROFILES } from '../spec/profiles.js';
import { rateLimitsOf } from '../spec/traffic.js';
import { forTypes, isProduction, type Props, T } from './helpers.js';

interface Container {
  name?: string;
  environment?: { name: string; value: string }[];
  secrets?: { name: string; valueFrom: string }[];
}

function containersOf(props: Props): Container[] {
  const raw = props.containerDefinitions;
  if (typeof raw !== 'string') return [];
  return JSON.parse(raw) as Container[];
}

/** Finding 1: the database's certificate is verified against an explicit CA bundle. */
export const ecsDatabaseTlsVerified: ResourceValidationPolicy = {
  name: 'ecs-database-tls-verified',
  description: 'Containers reach the database with sslmode=verify-full against a CA bundle file.',
  enforcementLevel: 'mandatory',
  validateResource: forTypes([T.taskDefinition], (props, report) => {
    for (const c of containersOf(props)) {
      const url = c.environment?.find((e) => e.name === 'DATABASE_URL')?.value;
      if (url === undefined) continue;
      const query = new URL(url).searchParams;
      if (query.get('sslmode') !== 'verify-full' || !query.get('sslrootcert')) {
        report(`${c.name}: DATABASE_URL needs sslmode=verify-full and sslrootcert=<CA bundle>.`);
      }
      if (new URL(url).password !== '') report(`${c.name}: DATABASE_URL may not hold a password.`);
    }
  }),
};

/** Finding 2: the RDS master secret reaches only the roles step, never the app or migrations. */
export const ecsMasterSecretOnlyForRoles: ResourceValidationPolicy = {
  name: 'ecs-master-secret-only-for-roles',
  description: 'Only the db-roles container receives the RDS-managed master secret.',
  enforcementLevel: 'mandatory',
  validateResource: forTypes([T.taskDefinition], (props, report) => {
    for (const c of containersOf(props)) {
      const master = (c.secrets ?? []).some((s) => /:secret:rds!/.test(s.valueFrom));
      if (master && c.name !== 'db-roles') {
        report(`${c.name} receives the RDS master secret; use a least-privilege user.`);
      }
    }
  }),
};

interface HeaderCondition {
  httpHeader?: { httpHeaderName?: string; values?: unknown[] };
}

/** Finding 3: nothing reaches the app without the origin secret that only CloudFront sends. */
export const albOriginSecret: ResourceValidationPolicy = {
  name: 'alb-origin-secret',
  description:
    'HTTPS listeners deny by default; rules forward only with a secret header; CloudFront sends it.',
  enforcementLevel: 'mandatory',
  validateResource: [
    forTypes([T.listener], (props, report) => {
      const forwards = ((props.defaultActions ?? []) as { type?: string }[]).some(
        (a) => a.type === 'forward',
      );
      if (forwards) report('a listener may not forward by default; require the origin header.');
    }),
    forTypes([T.listenerRule], (props, report) => {
      const forwards = ((props.actions ?? []) as { type?: string }[]).some(
        (a) => a.type === 'forward',
      );
      const header = ((props.conditions ?? []) as HeaderCondition[]).some(
        (c) => (c.httpHeader?.values ?? []).length > 0 && Boolean(c.httpHeader?.httpHeaderName),
      );
      if (forwards && !header) report('a forwarding rule must require the origin secret header.');
    }),
    forTypes([T.distribution], (props, report) => {
      for (const o of (props.origins ?? []) as Props[]) {
        if (o.customOriginConfig && (o.customHeaders ?? []).length === 0) {
          report(`origin ${o.originId} sends no origin secret header.`);
        }
      }
    }),
  ],
};

const MIN_PER_ADDRESS = Math.min(
  ...Object.values(SIZE_PROFILES).map((p) => rateLimitsOf(p).perAddress),
);

/** Finding 3: rate limits follow the traffic model, and the MPP building is not one citizen. */
export const wafRateLimitsSized: ResourceValidationPolicy = {
  name: 'waf-rate-limits-sized',
  description:
    'WAF rate limits are at least the traffic model per address, and the MPP building has its own rule.',
  enforcementLevel: 'mandatory',
  validateResource: forTypes([T.webAcl], (props, report) => {
    const rates = ((props.rules ?? []) as Props[])
      .map((r) => r.statement?.rateBasedStatement)
      .filter((r): r is Props => r !== undefined);
    for (const r of rates) {
      if (typeof r.limit !== 'number' || r.limit < MIN_PER_ADDRESS) {
        report(`rate limit ${String(r.limit)} is below the traffic model's ${MIN_PER_ADDRESS}.`);
      }
    }
    const office = rates.find((r) => r.scopeDownStatement?.ipSetReferenceStatement);
    if (office) {
      const arn = office.scopeDownStatement.ipSetReferenceStatement.arn;
      const exempted = rates.some(
        (r) => r.scopeDownStatement?.notStatement?.statement?.ipSetReferenceStatement?.arn === arn,
      );
      if (!exempted) report('the per-address rule must leave out the MPP building addresses.');
    }
  }),
};

/** Finding 4: the audit trail is tamper-evident and encrypted. */
export const cloudTrailValidated: ResourceValidationPolicy = {
  name: 'cloudtrail-log-file-validation',
  description: 'CloudTrail trails validate their log files and encrypt them with a KMS key.',
  enforcementLevel: 'mandatory',
  validateResource: forTypes([T.trail], (props, report) => {
    if (props.enableLogFileValidation !== true) report('enableLogFileValidation must be true.');
    if (!props.kmsKeyId) report('kmsKeyId must name a customer-managed key.');
  }),
};

/** Finding 4: logs are evidence: nobody may delete them before their retention ends. */
export const logBucketObjectLock: ResourceValidationPolicy = {
  name: 'log-bucket-object-lock',
  description: 'Every bucket (they all hold logs) has S3 Object Lock enabled.',
  enforcementLevel: 'mandatory',
  validateResource: forTypes([T.bucket, T.bucketV2], (props, report) => {
    if (props.objectLockEnabled !== true) report('objectLockEnabled must be true.');
  }),
};

/** Finding 4: logs and alarms are encrypted with customer-managed keys. */
export const logsAndAlarmsCmk: ResourceValidationPolicy = {
  name: 'logs-and-alarms-cmk',
  description: 'Log groups and SNS topics are encrypted with a customer-managed KMS key.',
  enforcementLevel: 'mandatory',
  validateResource: [
    forTypes([T.logGroup], (props, report) => {
      if (!props.kmsKeyId) report('kmsKeyId must name the logs key.');
    }),
    forTypes([T.topic], (props, report) => {
      if (!props.kmsMasterKeyId || props.kmsMasterKeyId === 'alias/aws/sns') {
        report('kmsMasterKeyId must name a customer-managed key.');
      }
    }),
  ],
};

/** Finding 4: database logs never carry statement parameters (citizens' personal data). */
export const rdsNoParameterLogging: ResourceValidationPolicy = {
  name: 'rds-no-parameter-logging',
  description: 'Parameter groups log no bind parameters and no statements other than DDL (UU PDP).',
  enforcementLevel: 'mandatory',
  validateResource: forTypes([T.rdsParameterGroup, T.rdsClusterParameterGroup], (props, report) => {
    const value = (name: string) =>
      ((props.parameters ?? []) as { name: string; value: string }[]).find((p) => p.name === name)
        ?.value;
    if (value('log_parameter_max_length') !== '0') report('log_parameter_max_length must be 0.');
    if (value('log_parameter_max_length_on_error') !== '0') {
      report('log_parameter_max_length_on_error must be 0.');
    }
    if (!['none', 'ddl'].includes(value('log_statement') ?? '')) {
      report('log_statement must be none or ddl.');
    }
  }),
};

/** Finding 5: a rolled-back deployment fails `pulumi up`. */
export const ecsSteadyState: ResourceValidationPolicy = {
  name: 'ecs-deployment-safety',
  description: 'ECS services roll failed deployments back and pulumi up waits for steady state.',
  enforcementLevel: 'mandatory',
  validateResource: forTypes([T.ecsService], (props, report) => {
    if (props.waitForSteadyState !== true) report('waitForSteadyState must be true.');
    const breaker = props.deploymentCircuitBreaker;
    if (breaker?.enable !== true || breaker?.rollback !== true) {
      report('deploymentCircuitBreaker must be enabled with rollback.');
    }
  }),
};

/** Finding 6: point-in-time restore, and a copy outside this account in production. */
export const backupContinuousAndCopied: ResourceValidationPolicy = {
  name: 'backup-continuous-and-copied',
  description:
    'Backup plans keep continuous backups; production plans copy to another account in the same region.',
  enforcementLevel: 'mandatory',
  validateResource: forTypes([T.backupPlan], (props, report, args) => {
    const rules = (props.rules ?? []) as Props[];
    if (!rules.some((r) => r.enableContinuousBackup === true)) {
      report('one rule must enable continuous backup (point-in-time restore).');
    }
    if (!isProduction(props)) return;
    const copies = rules.flatMap((r) => (r.copyActions ?? []) as Props[]);
    const account = /^arn:aws:backup:[a-z0-9-]+:(\d{12}):backup-vault:/;
    if (!copies.some((c) => account.test(c.destinationVaultArn ?? ''))) {
      report(`${args.name}: production needs a copy action to the backup account's vault.`);
    }
  }),
};

/** Finding 7: each instance has its own private range from the fleet's allocation. */
export const vpcCidrAllocated: ResourceValidationPolicy = {
  name: 'vpc-cidr-allocated',
  description: 'VPCs use a private /16–/20 range (from the fleet allocation, set per stack).',
  enforcementLevel: 'mandatory',
  validateResource: forTypes([T.vpc], (props, report) => {
    const cidr = parseCidr(String(props.cidrBlock ?? ''));
    if (
      cidr === undefined ||
      !isPrivate(cidr) ||
      cidr.prefix < VPC_PREFIX_RANGE.min ||
      cidr.prefix > VPC_PREFIX_RANGE.max
    ) {
      report(`cidrBlock ${String(props.cidrBlock)} is not a private /16–/20 range.`);
    }
  }),
};

/** Resources of `type` that reference `target` through `key` (rebuilt property dependencies). */
function referencing(
  resources: { type: string; propertyDependencies: Record<string, { urn: string }[]> }[],
  type: string,
  key: string,
  urn: string,
) {
  return resources.filter(
    (r) => r.type === type && (r.propertyDependencies[key]?.some((d) => d.urn === urn) ?? false),
  );
}

/** Finding 4: every VPC has flow logs and every web ACL writes its logs. */
export const networkLogsOn: StackValidationPolicy = {
  name: 'network-logs-on',
  description: 'Every VPC has a flow log and every WAF web ACL a logging configuration.',
  enforcementLevel: 'mandatory',
  validateStack: (args, report) => {
    for (const vpc of args.resources.filter((r) => r.type === T.vpc)) {
      if (referencing(args.resources, T.flowLog, 'vpcId', vpc.urn).length === 0) {
        report(`VPC ${vpc.name} has no flow log.`, vpc.urn);
      }
    }
    for (const acl of args.resources.filter((r) => r.type === T.webAcl)) {
      const arn = acl.props.arn;
      const logged = args.resources.some(
        (r) =>
          r.type === T.webAclLogging &&
          ((arn !== undefined && r.props.resourceArn === arn) ||
            (r.propertyDependencies.resourceArn?.some((d) => d.urn === acl.urn) ?? false)),
      );
      if (!logged) report(`web ACL ${acl.name} writes no logs.`, acl.urn);
    }
  },
};

/** Finding 6: recovery points cannot be deleted early from inside the account. */
export const backupVaultLocked: StackValidationPolicy = {
  name: 'backup-vault-locked',
  description: 'Every backup vault has a vault lock.',
  enforcementLevel: 'mandatory',
  validateStack: (args, report) => {
    for (const vault of args.resources.filter((r) => r.type === T.backupVault)) {
      const locks = args.resources.filter(
        (r) =>
          r.type === T.vaultLock &&
          (r.props.backupVaultName === vault.props.name ||
            (r.propertyDependencies.backupVaultName?.some((d) => d.urn === vault.urn) ?? false)),
      );
      if (locks.length === 0) report(`backup vault ${vault.name} has no vault lock.`, vault.urn);
    }
  },
};

/** Finding 5: the outages that matter each have an alarm or an event rule. */
export const outagesAlarmed: StackValidationPolicy = {
  name: 'outages-alarmed',
  description:
    'Alarms cover healthy hosts, ALB 5xx, free storage and connections; events cover deployments, backups and RDS.',
  enforcementLevel: 'mandatory',
  validateStack: (args, report) => {
    const metrics = new Set(
      args.resources.filter((r) => r.type === T.metricAlarm).map((r) => r.props.metricName),
    );
    const hasService = args.resources.some((r) => r.type === T.ecsService);
    const needed = [
      'HTTPCode_ELB_5XX_Count',
      'DatabaseConnections',
      ...(hasService ? ['HealthyHostCount'] : []),
    ];
    for (const m of needed) if (!metrics.has(m)) report(`no alarm on ${m}.`);
    if (!metrics.has('FreeStorageSpace') && !metrics.has('FreeLocalStorage')) {
      report('no alarm on the database free storage.');
    }
    const sources = args.resources
      .filter((r) => r.type === T.eventRule)
      .map((r) => JSON.parse(String(r.props.eventPattern ?? '{}')).source?.[0]);
    for (const s of ['aws.backup', ...(hasService ? ['aws.ecs'] : [])]) {
      if (!sources.includes(s)) report(`no event rule for ${s}.`);
    }
    if (!args.resources.some((r) => r.type === T.rdsEventSubscription)) {
      report('no RDS event subscription.');
    }
  },
};
