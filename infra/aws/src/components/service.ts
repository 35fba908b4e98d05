import * as aws from '@pulumi/aws';
import * as command from '@pulumi/command';
import * as pulumi from '@pulumi/pulumi';
import type { InstanceSecrets } from '../spec/instance-spec.js';
import { poolMaxPerTask } from '../spec/profiles.js';
import { namedTags } from '../tags.js';
import { accessLogBucket } from './access-log-bucket.js';
import type { InstanceContext } from './component-args.js';
import {
  APP_LOGIN_USERS,
  APP_ROLE,
  DATABASE_NAME,
  DATABASE_USER,
  type Database,
  MIGRATOR_USER,
} from './database.js';
import { dnsValidatedCertificate } from './dns-certificate.js';
import type { Network } from './network.js';

/** Port the template app listens on (`PORT`). */
export const APP_PORT = 3000;
/** Readiness endpoint of the template app: 200 once the database answers. */
export const HEALTH_PATH = '/readyz';
/**
 * Command of the one-off migration task, run with the same image before each rollout: the CLI of
 * `@mpp-kit/app` (on the image's PATH, `node_modules/.bin`) in the project folder `/app`.
 */
export const MIGRATE_COMMAND = ['mpp-app', 'migrate'];
/** Command of the app tasks: `@mpp-kit/app`'s `start`, serving the project built in `/app`. */
export const APP_COMMAND = ['mpp-app', 'start'];
/**
 * Command of the roles step that runs before the migrations, as the master user: creates the
 * migration and app users and sets their passwords from their secrets (docker/db-roles.mjs).
 */
export const DB_ROLES_COMMAND = ['node', 'infra/db-roles.mjs'];
/**
 * Amazon RDS CA bundle inside the image (docker/template-mpp.Dockerfile downloads it at build
 * time): neither Node's trust store nor the base image carries the RDS root certificates.
 */
export const RDS_CA_BUNDLE_PATH = '/etc/mpp/rds-ca-bundle.pem';
/** Writable scratch space; the root filesystem of the container is read-only. */
export const SCRATCH_PATH = '/tmp';
/** Seconds the ALB keeps an idle connection; display boards send an SSE heartbeat every 25 s. */
export const ALB_IDLE_TIMEOUT = 120;
/**
 * Header CloudFront adds to every origin request with the stack's origin secret. The prefix
 * list alone admits every CloudFront distribution, anyone's: the secret is what proves the
 * request passed through this instance's distribution and its WAF.
 */
export const ORIGIN_HEADER = 'X-Mpp-Origin-Verify';
/** Answer of the load balancer to anything without the origin secret. */
export const ORIGIN_DENIED = {
  type: 'fixed-response',
  fixedResponse: { contentType: 'text/plain', messageBody: 'Forbidden', statusCode: '403' },
} as const;
/** Managed prefix list of CloudFront's origin-facing addresses: only CloudFront reaches the ALB. */
export const CLOUDFRONT_PREFIX_LIST = 'com.amazonaws.global.cloudfront.origin-facing';

/** ECR repository of an instance: one per instance and environment. */
export function repositoryNameOf(spec: { instanceCode: string; environment: string }): string {
  return `mpp/${spec.instanceCode}/${spec.environment}`;
}

/** ECS service name of an instance. */
export function serviceNameOf(prefix: string): string {
  return `${prefix}-app`;
}

/** Inputs of the Service besides the instance context. */
export interface ServiceDeps {
  readonly network: Network;
  readonly database: Database;
  readonly logGroupName: pulumi.Input<string>;
  /** Route 53 zone of the custom domain, when there is one. */
  readonly zoneId?: pulumi.Input<string>;
  readonly secrets: InstanceSecrets;
}

/**
 * The template app on ECS Fargate behind an ALB: an immutable, scanned ECR repository,
 * a migration task run once before every rollout, CPU and request-count autoscaling.
 */
export class Service extends pulumi.ComponentResource {
  readonly repositoryUrl: pulumi.Output<string>;
  readonly albDnsName: pulumi.Output<string>;
  readonly albArnSuffix: pulumi.Output<string>;
  readonly targetGroupArnSuffix: pulumi.Output<string>;
  readonly clusterName: pulumi.Output<string>;
  /** Absent in bootstrap mode (no image tag yet). */
  readonly serviceName: pulumi.Output<string> | undefined;
  readonly serviceArn: pulumi.Output<string> | undefined;
  /** Host CloudFront uses to reach the ALB, and how. */
  readonly origin: { domainName: pulumi.Output<string>; protocol: 'https-only' | 'http-only' };
  readonly appSecurityGroupId: pulumi.Output<string>;
  /** Name of the S3 bucket holding the ALB access logs. */
  readonly accessLogBucket: pulumi.Output<string>;

  constructor(
    name: string,
    ctx: InstanceContext,
    deps: ServiceDeps,
    opts?: pulumi.ComponentResourceOptions,
  ) {
    super('mpp:aws:Service', name, {}, opts);
    const parent = { parent: this };
    const { spec, production, tags, prefix } = ctx;
    const { network, database } = deps;

    const repo = new aws.ecr.Repository(
      `${name}-repo`,
      {
        name: repositoryNameOf(spec),
        imageTagMutability: 'IMMUTABLE',
        imageScanningConfiguration: { scanOnPush: true },
        encryptionConfigurations: [{ encryptionType: 'KMS' }],
        forceDelete: !production,
        tags,
      },
      parent,
    );
    new aws.ecr.LifecyclePolicy(
      `${name}-repo-lifecycle`,
      {
        repository: repo.name,
        policy: JSON.stringify({
          rules: [
            {
              rulePriority: 1,
              description: 'Keep the 30 newest images',
              selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 30 },
              action: { type: 'expire' },
            },
          ],
        }),
      },
      parent,
    );
    this.repositoryUrl = repo.repositoryUrl;

    const cluster = new aws.ecs.Cluster(
      `${name}-cluster`,
      { name: prefix, settings: [{ name: 'containerInsights', value: 'enhanced' }], tags },
      parent,
    );
    this.clusterName = cluster.name;

    const assume = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Service: 'ecs-tasks.amazonaws.com' },
          Action: 'sts:AssumeRole',
        },
      ],
    });
    const executionRole = new aws.iam.Role(
      `${name}-execution-role`,
      {
        assumeRolePolicy: assume,
        description: 'Pulls the image, writes logs, reads the DB secret',
        tags,
      },
      parent,
    );
    new aws.iam.RolePolicyAttachment(
      `${name}-execution-managed`,
      {
        role: executionRole.name,
        policyArn: 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy',
      },
      parent,
    );
    new aws.iam.RolePolicy(
      `${name}-execution-secret`,
      {
        role: executionRole.id,
        // ECS injects the secrets at task start; the master secret only reaches the roles step.
        policy: pulumi
          .all([
            database.secretArn,
            database.appSecretArn,
            database.migratorSecretArn,
            database.kmsKeyArn,
          ])
          .apply(([master, app, migrator, keyArn]) =>
            JSON.stringify({
              Version: '2012-10-17',
              Statement: [
                {
                  Effect: 'Allow',
                  Action: 'secretsmanager:GetSecretValue',
                  Resource: [master, app, migrator],
                },
                { Effect: 'Allow', Action: 'kms:Decrypt', Resource: keyArn },
              ],
            }),
          ),
      },
      parent,
    );
    const taskRole = new aws.iam.Role(
      `${name}-task-role`,
      {
        assumeRolePolicy: assume,
        description: 'The app itself: re-reads its own database secret, nothing else',
        tags,
      },
      parent,
    );
    // After a rotation the app re-reads its credentials (CONTRACT.md): its own secret only.
    new aws.iam.RolePolicy(
      `${name}-task-app-secret`,
      {
        role: taskRole.id,
        policy: pulumi.all([database.appSecretArn, database.kmsKeyArn]).apply(([secret, keyArn]) =>
          JSON.stringify({
            Version: '2012-10-17',
            Statement: [
              { Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: secret },
              {
                Effect: 'Allow',
                Action: 'kms:Decrypt',
                Resource: keyArn,
                Condition: {
                  StringEquals: {
                    'kms:ViaService': `secretsmanager.${spec.awsRegion}.amazonaws.com`,
                  },
                },
              },
            ],
          }),
        ),
      },
      parent,
    );
    const migrateRole = new aws.iam.Role(
      `${name}-migrate-role`,
      { assumeRolePolicy: assume, description: 'Migrations: no AWS permissions', tags },
      parent,
    );

    const appSg = new aws.ec2.SecurityGroup(
      `${name}-app-sg`,
      {
        vpcId: network.vpcId,
        description: 'App tasks: traffic from the ALB only',
        egress: [{ protocol: '-1', fromPort: 0, toPort: 0, cidrBlocks: ['0.0.0.0/0'] }],
        tags: namedTags({ ...tags, 'mpp:role': 'app' }, `${prefix}-app`),
      },
      parent,
    );
    this.appSecurityGroupId = appSg.id;
    new aws.vpc.SecurityGroupIngressRule(
      `${name}-db-from-app`,
      {
        securityGroupId: database.securityGroupId,
        referencedSecurityGroupId: appSg.id,
        ipProtocol: 'tcp',
        fromPort: database.port,
        toPort: database.port,
        description: 'PostgreSQL from the app tasks',
        tags,
      },
      parent,
    );

    // --- Load balancer -------------------------------------------------------------
    const prefixList = aws.ec2.getManagedPrefixListOutput({ name: CLOUDFRONT_PREFIX_LIST }, parent);
    const albSg = new aws.ec2.SecurityGroup(
      `${name}-alb-sg`,
      {
        vpcId: network.vpcId,
        description: 'ALB: HTTP and HTTPS from CloudFront only',
        // One rule for 80–443: the CloudFront prefix list weighs ~55 entries of the 60-rule quota.
        ingress: [{ protocol: 'tcp', fromPort: 80, toPort: 443, prefixListIds: [prefixList.id] }],
        egress: [
          {
            protocol: 'tcp',
            fromPort: APP_PORT,
            toPort: APP_PORT,
            securityGroups: [appSg.id],
          },
        ],
        tags: namedTags({ ...tags, 'mpp:role': 'load-balancer' }, `${prefix}-alb`),
      },
      parent,
    );
    new aws.vpc.SecurityGroupIngressRule(
      `${name}-app-from-alb`,
      {
        securityGroupId: appSg.id,
        referencedSecurityGroupId: albSg.id,
        ipProtocol: 'tcp',
        fromPort: APP_PORT,
        toPort: APP_PORT,
        description: 'App port from the ALB',
        tags,
      },
      parent,
    );

    const logs = accessLogBucket(
      `${name}-alb-logs`,
      prefix,
      spec.logRetentionDays,
      production,
      tags,
      this,
    );
    this.accessLogBucket = logs.bucket;
    const alb = new aws.lb.LoadBalancer(
      `${name}-alb`,
      {
        name: prefix,
        loadBalancerType: 'application',
        internal: false,
        subnets: network.publicSubnetIds,
        securityGroups: [albSg.id],
        idleTimeout: ALB_IDLE_TIMEOUT,
        dropInvalidHeaderFields: true,
        enableDeletionProtection: production,
        accessLogs: { bucket: logs.bucket, prefix: 'alb', enabled: true },
        tags,
      },
      parent,
    );
    this.albDnsName = alb.dnsName;
    this.albArnSuffix = alb.arnSuffix;

    const targetGroup = new aws.lb.TargetGroup(
      `${name}-tg`,
      {
        port: APP_PORT,
        protocol: 'HTTP',
        targetType: 'ip',
        vpcId: network.vpcId,
        deregistrationDelay: 30,
        healthCheck: {
          path: HEALTH_PATH,
          matcher: '200',
          interval: 15,
          timeout: 5,
          healthyThreshold: 2,
          unhealthyThreshold: 3,
        },
        tags,
      },
      parent,
    );
    this.targetGroupArnSuffix = targetGroup.arnSuffix;

    const redirect = {
      type: 'redirect',
      redirect: { protocol: 'HTTPS', port: '443', statusCode: 'HTTP_301' },
    };
    const http = new aws.lb.Listener(
      `${name}-http`,
      { loadBalancerArn: alb.arn, port: 80, protocol: 'HTTP', defaultActions: [redirect], tags },
      parent,
    );
    let listener: aws.lb.Listener;
    if (spec.domain && deps.zoneId !== undefined) {
      const originName = `origin.${spec.domain.name}`;
      const certArn = dnsValidatedCertificate(
        `${name}-origin-cert`,
        originName,
        deps.zoneId,
        tags,
        this,
      );
      listener = new aws.lb.Listener(
        `${name}-https`,
        {
          loadBalancerArn: alb.arn,
          port: 443,
          protocol: 'HTTPS',
          sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
          certificateArn: certArn,
          defaultActions: [ORIGIN_DENIED],
          tags,
        },
        parent,
      );
      new aws.route53.Record(
        `${name}-origin-record`,
        {
          zoneId: deps.zoneId,
          name: originName,
          type: 'A',
          aliases: [{ name: alb.dnsName, zoneId: alb.zoneId, evaluateTargetHealth: true }],
        },
        parent,
      );
      this.origin = { domainName: pulumi.output(originName), protocol: 'https-only' };
    } else {
      // No custom domain (never in production): CloudFront has no name to validate a
      // certificate for, so it reaches the ALB over HTTP; everything else is redirected.
      listener = http;
      this.origin = { domainName: alb.dnsName, protocol: 'http-only' };
    }
    // Only requests with the origin secret reach the app; during a rotation the previous
    // secret is accepted too, until CloudFront has rolled the new one out everywhere.
    const accepted = [deps.secrets.originSecret, deps.secrets.originSecretPrevious].filter(
      (v): v is pulumi.Input<string> => v !== undefined,
    );
    const forward = new aws.lb.ListenerRule(
      `${name}-from-cloudfront`,
      {
        listenerArn: listener.arn,
        priority: 10,
        conditions: [{ httpHeader: { httpHeaderName: ORIGIN_HEADER, values: accepted } }],
        actions: [{ type: 'forward', targetGroupArn: targetGroup.arn }],
        tags,
      },
      parent,
    );

    const imageTag = spec.imageTag;
    if (imageTag === undefined) {
      this.serviceName = undefined;
      this.serviceArn = undefined;
    } else {
      const ecsService = this.declareTasks(name, ctx, deps, {
        image: pulumi.interpolate`${repo.repositoryUrl}:${imageTag}`,
        cluster,
        executionRole,
        taskRole,
        migrateRole,
        appSg,
        albArnSuffix: alb.arnSuffix,
        targetGroup,
        listener: forward,
      });
      this.serviceName = ecsService.name;
      this.serviceArn = ecsService.arn;
    }

    this.registerOutputs({ repositoryUrl: this.repositoryUrl, albDnsName: this.albDnsName });
  }

  /** Task definitions, the migration run, the service and its autoscaling. */
  private declareTasks(
    name: string,
    ctx: InstanceContext,
    deps: ServiceDeps,
    t: {
      image: pulumi.Output<string>;
      cluster: aws.ecs.Cluster;
      executionRole: aws.iam.Role;
      taskRole: aws.iam.Role;
      migrateRole: aws.iam.Role;
      appSg: aws.ec2.SecurityGroup;
      albArnSuffix: pulumi.Output<string>;
      targetGroup: aws.lb.TargetGroup;
      /** The rule that forwards to the target group: the service waits for it. */
      listener: pulumi.Resource;
    },
  ): aws.ecs.Service {
    const parent = { parent: this };
    const { spec, profile, tags, prefix } = ctx;
    const { network, database } = deps;
    const { image, cluster, executionRole, taskRole, migrateRole, appSg, targetGroup, listener } =
      t;
    // Passwords never enter a task definition: ECS injects them from Secrets Manager.
    const container = (
      containerName: string,
      command: readonly string[],
      environment: Record<string, string>,
      secrets: Record<string, string>,
      extra: Record<string, unknown> = {},
    ) => ({
      name: containerName,
      image: '',
      essential: true,
      command: [...command],
      readonlyRootFilesystem: true,
      mountPoints: [{ sourceVolume: 'scratch', containerPath: SCRATCH_PATH }],
      environment: Object.entries(environment).map(([k, value]) => ({ name: k, value })),
      secrets: Object.entries(secrets).map(([k, valueFrom]) => ({ name: k, valueFrom })),
      logConfiguration: {
        logDriver: 'awslogs',
        options: {
          'awslogs-group': '',
          'awslogs-region': spec.awsRegion,
          'awslogs-stream-prefix': containerName,
        },
      },
      ...extra,
    });
    const definitions = (build: (d: DatabaseEnv) => ReturnType<typeof container>[]) =>
      pulumi
        .all([
          image,
          database.endpoint,
          database.secretArn,
          database.appSecretArn,
          database.migratorSecretArn,
          deps.logGroupName,
        ])
        .apply(([img, host, master, app, migrator, logGroup]) =>
          JSON.stringify(
            build({
              url: databaseUrlOf(host, database.port),
              master,
              app,
              migrator,
            }).map((c) => ({
              ...c,
              image: img,
              logConfiguration: {
                ...c.logConfiguration,
                options: { ...c.logConfiguration.options, 'awslogs-group': logGroup },
              },
            })),
          ),
        );
    const common = {
      NODE_ENV: 'production',
      TZ: spec.timezone,
      MPP_ENVIRONMENT: spec.environment,
      MPP_DATA_DIR: `${SCRATCH_PATH}/mpp`,
      PGSSLROOTCERT: RDS_CA_BUNDLE_PATH,
    };

    const taskCommon = {
      requiresCompatibilities: ['FARGATE'],
      networkMode: 'awsvpc',
      cpu: String(profile.task.cpu),
      memory: String(profile.task.memoryMb),
      executionRoleArn: executionRole.arn,
      runtimePlatform: { operatingSystemFamily: 'LINUX', cpuArchitecture: 'X86_64' },
      volumes: [{ name: 'scratch' }],
      tags,
    };
    const appTask = new aws.ecs.TaskDefinition(
      `${name}-app-task`,
      {
        family: `${prefix}-app`,
        ...taskCommon,
        taskRoleArn: taskRole.arn,
        containerDefinitions: definitions((d) => [
          container(
            'app',
            APP_COMMAND,
            {
              ...common,
              PORT: String(APP_PORT),
              MPP_DEMO_ACCOUNTS: spec.createFirstAccounts ? 'true' : 'false',
              MPP_SECURE_COOKIES: 'true',
              ...(spec.domain ? { MPP_PUBLIC_URL: `https://${spec.domain.name}` } : {}),
              DATABASE_URL: d.url,
              DATABASE_SECRET_ARN: d.app,
              DATABASE_POOL_MAX: String(poolMaxPerTask(profile)),
            },
            { PGUSER: `${d.app}:username::`, PGPASSWORD: `${d.app}:password::` },
            {
              portMappings: [{ containerPort: APP_PORT, protocol: 'tcp' }],
              healthCheck: {
                command: [
                  'CMD-SHELL',
                  // Node itself, not wget/curl: the image need not ship either.
                  `node -e "fetch('http://127.0.0.1:${APP_PORT}${HEALTH_PATH}').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"`,
                ],
                interval: 15,
                timeout: 5,
                retries: 3,
                startPeriod: 30,
              },
            },
          ),
        ]),
      },
      parent,
    );
    const migrateTask = new aws.ecs.TaskDefinition(
      `${name}-migrate-task`,
      {
        family: `${prefix}-migrate`,
        ...taskCommon,
        taskRoleArn: migrateRole.arn,
        containerDefinitions: definitions((d) => [
          // As the master user, and the only container that ever sees its password.
          container(
            DB_ROLES_CONTAINER,
            DB_ROLES_COMMAND,
            {
              ...common,
              DATABASE_URL: d.url,
              PGUSER: DATABASE_USER,
              MPP_APP_ROLE: APP_ROLE,
              MPP_APP_LOGIN_USERS: APP_LOGIN_USERS.join(','),
              MPP_MIGRATOR_USER: MIGRATOR_USER,
            },
            {
              PGPASSWORD: `${d.master}:password::`,
              MPP_APP_CREDENTIALS: d.app,
              MPP_MIGRATOR_CREDENTIALS: d.migrator,
            },
            { essential: false },
          ),
          container(
            'migrate',
            MIGRATE_COMMAND,
            { ...common, DATABASE_URL: d.url },
            { PGUSER: `${d.migrator}:username::`, PGPASSWORD: `${d.migrator}:password::` },
            { dependsOn: [{ containerName: DB_ROLES_CONTAINER, condition: 'SUCCESS' }] },
          ),
        ]),
      },
      parent,
    );

    // --- Migrations, then the service ----------------------------------------------
    const migration = new command.local.Command(
      `${name}-migrate`,
      {
        create: 'bash scripts/run-migration.sh',
        environment: {
          MPP_REGION: spec.awsRegion,
          MPP_CLUSTER: cluster.name,
          MPP_TASK_DEFINITION: migrateTask.arn,
          MPP_SUBNETS: pulumi.all(network.appSubnetIds).apply((ids) => ids.join(',')),
          MPP_SECURITY_GROUP: appSg.id,
        },
        // A new image (a new migrate task definition) or new database passwords run it again.
        triggers: [migrateTask.arn, spec.databaseCredentialsVersion ?? 1],
      },
      { parent: this, dependsOn: [database, ...database.credentialVersions] },
    );

    const service = new aws.ecs.Service(
      `${name}-service`,
      {
        name: serviceNameOf(prefix),
        cluster: cluster.arn,
        taskDefinition: appTask.arn,
        launchType: 'FARGATE',
        desiredCount: profile.task.minCount,
        healthCheckGracePeriodSeconds: 60,
        deploymentCircuitBreaker: { enable: true, rollback: true },
        // `pulumi up` fails when ECS rolls the deployment back, instead of reporting success.
        waitForSteadyState: true,
        deploymentMinimumHealthyPercent: 100,
        deploymentMaximumPercent: 200,
        propagateTags: 'SERVICE',
        networkConfiguration: {
          subnets: network.appSubnetIds,
          securityGroups: [appSg.id],
          assignPublicIp: false,
        },
        loadBalancers: [
          { targetGroupArn: targetGroup.arn, containerName: 'app', containerPort: APP_PORT },
        ],
        tags,
      },
      // Autoscaling owns the task count after the first rollout.
      { parent: this, dependsOn: [listener, migration], ignoreChanges: ['desiredCount'] },
    );

    const scaling = new aws.appautoscaling.Target(
      `${name}-scaling`,
      {
        serviceNamespace: 'ecs',
        scalableDimension: 'ecs:service:DesiredCount',
        resourceId: pulumi.interpolate`service/${cluster.name}/${service.name}`,
        minCapacity: profile.task.minCount,
        maxCapacity: profile.task.maxCount,
        tags,
      },
      parent,
    );
    new aws.appautoscaling.Policy(
      `${name}-scale-cpu`,
      {
        policyType: 'TargetTrackingScaling',
        serviceNamespace: scaling.serviceNamespace,
        scalableDimension: scaling.scalableDimension,
        resourceId: scaling.resourceId,
        targetTrackingScalingPolicyConfiguration: {
          targetValue: 60,
          predefinedMetricSpecification: {
            predefinedMetricType: 'ECSServiceAverageCPUUtilization',
          },
          scaleInCooldown: 300,
          scaleOutCooldown: 60,
        },
      },
      parent,
    );
    new aws.appautoscaling.Policy(
      `${name}-scale-requests`,
      {
        policyType: 'TargetTrackingScaling',
        serviceNamespace: scaling.serviceNamespace,
        scalableDimension: scaling.scalableDimension,
        resourceId: scaling.resourceId,
        targetTrackingScalingPolicyConfiguration: {
          targetValue: profile.requestsPerTargetPerMinute,
          predefinedMetricSpecification: {
            predefinedMetricType: 'ALBRequestCountPerTarget',
            resourceLabel: pulumi.interpolate`${t.albArnSuffix}/${targetGroup.arnSuffix}`,
          },
          scaleInCooldown: 300,
          scaleOutCooldown: 60,
        },
      },
      parent,
    );

    return service;
  }
}

/** Name of the roles step's container in the migrate task (run-migration.sh reads its exit code). */
export const DB_ROLES_CONTAINER = 'db-roles';

interface DatabaseEnv {
  readonly url: string;
  /** Secret ARNs: RDS-managed master, app, migrator. */
  readonly master: string;
  readonly app: string;
  readonly migrator: string;
}

/**
 * The connection string every container gets: no user or password (PGUSER and PGPASSWORD come
 * from Secrets Manager), full certificate verification against the RDS CA bundle in the image.
 * `pg` reads `sslrootcert` itself, so no code is needed to trust the RDS certificates.
 */
export function databaseUrlOf(host: string, port: number): string {
  return `postgres://${host}:${port}/${DATABASE_NAME}?sslmode=verify-full&sslrootcert=${RDS_CA_BUNDLE_PATH}`;
}
