import type * as pulumi from '@pulumi/pulumi';
import type { Props } from '../src/policies/helpers.js';

/** One resource the program registered, as the mock monitor saw it. */
export interface RecordedResource {
  readonly type: string;
  readonly name: string;
  readonly urn: string;
  readonly id: string;
  /** The ARN the mock answered with (the `arn` of `computed` when it has one). */
  readonly arn?: string;
  readonly custom: boolean;
  readonly inputs: Props;
  /** Provider reference (`urn::id`) of a custom resource. */
  readonly provider: string | undefined;
}

const ACCOUNT = '123456789012';

/**
 * Mocks that stand in for the AWS API: they record every registration and answer with the
 * outputs AWS would compute (ARNs, endpoints, DNS names…), so no `apply` waits forever.
 */
export function mockCloud(project: string, stack: string, region: string) {
  const resources: RecordedResource[] = [];
  const calls: string[] = [];
  const mocks: pulumi.runtime.Mocks = {
    newResource(args) {
      const id = `${args.name}-id`;
      const service = args.type.split(':')[1]?.split('/')[0] ?? 'x';
      const inputs = unwrapSecrets(args.inputs) as Props;
      const where = inputs.region ?? region;
      const extra = computed(args.type, args.name, inputs, where);
      const arn =
        (extra.arn as string | undefined) ?? `arn:aws:${service}:${where}:${ACCOUNT}:${args.name}`;
      resources.push({
        arn,
        type: args.type,
        name: args.name,
        urn: `urn:pulumi:${stack}::${project}::${args.type}::${args.name}`,
        id,
        custom: args.custom ?? true,
        inputs,
        provider: args.provider,
      });
      return { id, state: { ...inputs, arn, ...extra } };
    },
    call(args) {
      calls.push(args.token);
      switch (args.token) {
        case 'aws:index/getAvailabilityZones:getAvailabilityZones':
          return {
            names: ['a', 'b', 'c'].map((z) => `${region}${z}`),
            zoneIds: [1, 2, 3].map((n) => `apse3-az${n}`),
          };
        case 'aws:ec2/getManagedPrefixList:getManagedPrefixList':
          return { id: 'pl-cloudfront', name: args.inputs.name };
        case 'aws:route53/getZone:getZone':
          return { zoneId: 'Z0MPPZONE', name: args.inputs.name, id: 'Z0MPPZONE' };
        case 'aws:index/getCallerIdentity:getCallerIdentity':
          return { accountId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/test`, userId: 'test' };
        case 'aws:secretsmanager/getRandomPassword:getRandomPassword':
          return { randomPassword: `generated${calls.length}${'x'.repeat(30)}`, id: 'x' };
        case 'aws:index/getRegion:getRegion':
          return { name: region, region };
        default:
          throw new Error(`unmocked call ${args.token}`);
      }
    },
  };
  return { mocks, resources, calls };
}

function computed(
  type: string,
  name: string,
  inputs: Props,
  region: string,
): Record<string, unknown> {
  switch (type) {
    case 'aws:rds/instance:Instance':
      return {
        address: `${inputs.identifier}.abc123.${region}.rds.amazonaws.com`,
        endpoint: `${inputs.identifier}.abc123.${region}.rds.amazonaws.com:5432`,
        masterUserSecrets: [
          {
            secretArn: `arn:aws:secretsmanager:${region}:${ACCOUNT}:secret:rds!db-1`,
            kmsKeyId: inputs.masterUserSecretKmsKeyId,
            secretStatus: 'active',
          },
        ],
      };
    case 'aws:rds/cluster:Cluster':
      return {
        endpoint: `${inputs.clusterIdentifier}.cluster-abc123.${region}.rds.amazonaws.com`,
        masterUserSecrets: [
          {
            secretArn: `arn:aws:secretsmanager:${region}:${ACCOUNT}:secret:rds!cluster-1`,
            kmsKeyId: inputs.masterUserSecretKmsKeyId,
            secretStatus: 'active',
          },
        ],
      };
    case 'aws:lb/loadBalancer:LoadBalancer':
      return {
        dnsName: `${inputs.name}-1234.${region}.elb.amazonaws.com`,
        arnSuffix: `app/${inputs.name}/50dc6c495c0c9188`,
        zoneId: 'ZALBZONE',
      };
    case 'aws:lb/targetGroup:TargetGroup':
      return { arnSuffix: `targetgroup/${name}/73e2d6bc24d8a067` };
    case 'aws:acm/certificate:Certificate':
      return {
        domainValidationOptions: [
          {
            domainName: inputs.domainName,
            resourceRecordName: `_x1.${inputs.domainName}.`,
            resourceRecordType: 'CNAME',
            resourceRecordValue: '_x2.acm-validations.aws.',
          },
        ],
      };
    case 'aws:acm/certificateValidation:CertificateValidation':
      return { certificateArn: inputs.certificateArn };
    case 'aws:route53/record:Record':
      return { fqdn: inputs.name };
    case 'aws:cloudfront/distribution:Distribution':
      return { domainName: 'd111111abcdef8.cloudfront.net', hostedZoneId: 'Z2FDTNDATAQYW2' };
    case 'aws:ecr/repository:Repository':
      return { repositoryUrl: `${ACCOUNT}.dkr.ecr.${region}.amazonaws.com/${inputs.name}` };
    case 'aws:s3/bucket:Bucket':
      return { bucket: `${inputs.bucketPrefix}0001` };
    case 'aws:kms/key:Key':
      return { keyId: `${name}-key-id` };
    case 'aws:secretsmanager/secret:Secret':
      return { arn: `arn:aws:secretsmanager:${region}:${ACCOUNT}:secret:${inputs.name}-AbCdEf` };
    case 'aws:ecs/service:Service':
      return { arn: `arn:aws:ecs:${region}:${ACCOUNT}:service/${inputs.name}` };
    default:
      return {};
  }
}

/** Resolves an Output in a test (preview is off, so every value is known). */
export function promiseOf<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply(resolve));
}

/** Signature key the SDK marks serialized secrets with (`sdk/nodejs/runtime/rpc.ts`). */
const SECRET_SIG = '4dabf18193072939515e22adb298388d';

/** Inputs as the policy engine sees them: secret values in place of their wrappers. */
function unwrapSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unwrapSecrets);
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  if (record[SECRET_SIG] === '1b47061264138c4ac30d75fd1eb44270') return unwrapSecrets(record.value);
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, unwrapSecrets(v)]));
}
