import type { SizeProfileName } from './instance-spec.js';

/** What one size profile provisions. */
export interface SizeProfile {
  readonly name: SizeProfileName;
  /** Expected visitors per day the profile is sized for (upper bound). */
  readonly visitorsPerDay: number;
  readonly database:
    | {
        readonly kind: 'rds';
        readonly instanceClass: string;
        readonly allocatedStorageGb: number;
        readonly maxAllocatedStorageGb: number;
      }
    | {
        readonly kind: 'aurora-serverless-v2';
        readonly minCapacityAcu: number;
        readonly maxCapacityAcu: number;
        /** Writer plus readers; readers in other AZs give Multi-AZ failover. */
        readonly instanceCount: number;
        /** Storage assumed by the cost estimate (Aurora grows on its own). */
        readonly estimatedStorageGb: number;
      };
  /** Multi-AZ outside production too (production is always Multi-AZ). */
  readonly multiAzOutsideProduction: boolean;
  /** One NAT gateway per AZ in production; `false` keeps a single NAT to save cost. */
  readonly natPerAzInProduction: boolean;
  readonly task: {
    /** Fargate vCPU units (1024 = 1 vCPU). */
    readonly cpu: number;
    readonly memoryMb: number;
    readonly minCount: number;
    readonly maxCount: number;
  };
  /** Requests per target per minute above which the service scales out. */
  readonly requestsPerTargetPerMinute: number;
  /** Database Insights mode: `advanced` needs 465 days of Performance Insights retention. */
  readonly databaseInsights: 'standard' | 'advanced';
  /**
   * `max_connections` set in the parameter group, so the pools and the saturation alarm are
   * sized against a known number rather than RDS's memory-based default.
   */
  readonly databaseMaxConnections: number;
}

/**
 * The three size profiles. Visitor counts come from typical regional MPPs: a kabupaten
 * MPP serves a few hundred visitors a day, a large city MPP several thousand.
 */
export const SIZE_PROFILES: Readonly<Record<SizeProfileName, SizeProfile>> = {
  small: {
    name: 'small',
    visitorsPerDay: 500,
    database: {
      kind: 'rds',
      instanceClass: 'db.t4g.small',
      allocatedStorageGb: 20,
      maxAllocatedStorageGb: 100,
    },
    multiAzOutsideProduction: false,
    natPerAzInProduction: false,
    task: { cpu: 512, memoryMb: 1024, minCount: 2, maxCount: 4 },
    requestsPerTargetPerMinute: 600,
    databaseInsights: 'standard',
    databaseMaxConnections: 150,
  },
  medium: {
    name: 'medium',
    visitorsPerDay: 2000,
    database: {
      kind: 'rds',
      instanceClass: 'db.m7g.large',
      allocatedStorageGb: 50,
      maxAllocatedStorageGb: 500,
    },
    multiAzOutsideProduction: false,
    natPerAzInProduction: true,
    task: { cpu: 1024, memoryMb: 2048, minCount: 2, maxCount: 8 },
    requestsPerTargetPerMinute: 1000,
    databaseInsights: 'standard',
    databaseMaxConnections: 400,
  },
  large: {
    name: 'large',
    visitorsPerDay: 10000,
    database: {
      kind: 'aurora-serverless-v2',
      minCapacityAcu: 1,
      maxCapacityAcu: 16,
      instanceCount: 2,
      estimatedStorageGb: 100,
    },
    multiAzOutsideProduction: true,
    natPerAzInProduction: true,
    task: { cpu: 2048, memoryMb: 4096, minCount: 3, maxCount: 20 },
    requestsPerTargetPerMinute: 1500,
    databaseInsights: 'advanced',
    databaseMaxConnections: 1000,
  },
};

/** Whether an instance in `environment` with `profile` runs its database Multi-AZ. */
export function isMultiAz(profile: SizeProfile, production: boolean): boolean {
  return production || profile.multiAzOutsideProduction;
}

/** How many NAT gateways the network gets. */
export function natGatewayCount(
  profile: SizeProfile,
  production: boolean,
  azCount: number,
): number {
  return production && profile.natPerAzInProduction ? azCount : 1;
}

/** Connections reserved for migrations, the roles step and a break-glass session. */
const RESERVED_CONNECTIONS = 10;

/**
 * Pool size per app task (`DATABASE_POOL_MAX`): every task at the maximum count together
 * stays within `max_connections` minus a reserve, and never above 20 per task.
 */
export function poolMaxPerTask(profile: SizeProfile): number {
  const share = Math.floor(
    (profile.databaseMaxConnections - RESERVED_CONNECTIONS) / profile.task.maxCount,
  );
  return Math.min(20, share);
}
