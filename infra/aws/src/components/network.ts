import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { type Cidr, formatCidr, parseCidr, subnetOf } from '../spec/cidr.js';
import { natGatewayCount } from '../spec/profiles.js';
import { namedTags } from '../tags.js';
import { AUDIT_PREFIXES } from './audit.js';
import type { InstanceContext } from './component-args.js';

/** The instance's VPC range (validated by `fromConfig`); subnets follow `subnetOf`. */
function vpcRangeOf(text: string): Cidr {
  const cidr = parseCidr(text);
  if (cidr === undefined) throw new Error(`invalid vpcCidr ${text}`);
  return cidr;
}

/** Interface endpoints that keep image pulls, secrets and logs off the NAT gateways. */
const INTERFACE_ENDPOINTS = ['ecr.api', 'ecr.dkr', 'secretsmanager', 'logs'] as const;

/**
 * A VPC over several availability zones: public subnets (ALB, NAT), private app subnets
 * (Fargate) and isolated database subnets (no route out), with VPC endpoints.
 */
export class Network extends pulumi.ComponentResource {
  readonly vpcId: pulumi.Output<string>;
  readonly vpcCidr: string;
  readonly publicSubnetIds: pulumi.Output<string>[];
  readonly appSubnetIds: pulumi.Output<string>[];
  readonly databaseSubnetIds: pulumi.Output<string>[];
  readonly natGatewayCount: number;

  constructor(
    name: string,
    ctx: InstanceContext,
    auditBucketArn: pulumi.Input<string>,
    opts?: pulumi.ComponentResourceOptions,
  ) {
    // Empty args: component inputs holding Outputs break the Node SDK (pulumi/pulumi#23953).
    super('mpp:aws:Network', name, {}, opts);
    const parent = { parent: this };
    const { spec, tags, prefix } = ctx;
    const azCount = spec.availabilityZoneCount;
    const range = vpcRangeOf(spec.vpcCidr);
    this.vpcCidr = formatCidr(range);
    const subnetCidr = (tier: number, i: number) => formatCidr(subnetOf(range, tier, i));

    const zones = aws.getAvailabilityZonesOutput({ state: 'available' }, parent);
    const az = (i: number) => zones.names.apply((names) => zoneAt(names, i, spec.awsRegion));

    const vpc = new aws.ec2.Vpc(
      `${name}-vpc`,
      {
        cidrBlock: this.vpcCidr,
        enableDnsHostnames: true,
        enableDnsSupport: true,
        tags: namedTags(tags, `${prefix}-vpc`),
      },
      parent,
    );
    this.vpcId = vpc.id;

    // Every accepted and rejected connection, for investigations (Parquet, hourly partitions).
    new aws.ec2.FlowLog(
      `${name}-flow-log`,
      {
        vpcId: vpc.id,
        trafficType: 'ALL',
        logDestinationType: 's3',
        logDestination: pulumi.interpolate`${auditBucketArn}/${AUDIT_PREFIXES.flowLogs}/`,
        maxAggregationInterval: 600,
        destinationOptions: { fileFormat: 'parquet', perHourPartition: true },
        tags: namedTags(tags, `${prefix}-flow-log`),
      },
      parent,
    );

    // The default security group of a new VPC allows all traffic inside it; take every rule away.
    new aws.ec2.DefaultSecurityGroup(
      `${name}-default-sg`,
      { vpcId: vpc.id, tags: namedTags(tags, `${prefix}-default-closed`) },
      parent,
    );

    const igw = new aws.ec2.InternetGateway(
      `${name}-igw`,
      { vpcId: vpc.id, tags: namedTags(tags, `${prefix}-igw`) },
      parent,
    );

    const publicRt = new aws.ec2.RouteTable(
      `${name}-public-rt`,
      {
        vpcId: vpc.id,
        routes: [{ cidrBlock: '0.0.0.0/0', gatewayId: igw.id }],
        tags: namedTags(tags, `${prefix}-public`),
      },
      parent,
    );

    const publicSubnets: aws.ec2.Subnet[] = [];
    const appSubnets: aws.ec2.Subnet[] = [];
    const dbSubnets: aws.ec2.Subnet[] = [];
    for (let i = 0; i < azCount; i++) {
      const pub = new aws.ec2.Subnet(
        `${name}-public-${i}`,
        {
          vpcId: vpc.id,
          cidrBlock: subnetCidr(0, i),
          availabilityZone: az(i),
          mapPublicIpOnLaunch: false,
          tags: namedTags({ ...tags, 'mpp:tier': 'public' }, `${prefix}-public-${i}`),
        },
        parent,
      );
      new aws.ec2.RouteTableAssociation(
        `${name}-public-${i}-rta`,
        { subnetId: pub.id, routeTableId: publicRt.id },
        parent,
      );
      publicSubnets.push(pub);
      appSubnets.push(
        new aws.ec2.Subnet(
          `${name}-app-${i}`,
          {
            vpcId: vpc.id,
            cidrBlock: subnetCidr(1, i),
            availabilityZone: az(i),
            tags: namedTags({ ...tags, 'mpp:tier': 'app' }, `${prefix}-app-${i}`),
          },
          parent,
        ),
      );
      dbSubnets.push(
        new aws.ec2.Subnet(
          `${name}-db-${i}`,
          {
            vpcId: vpc.id,
            cidrBlock: subnetCidr(2, i),
            availabilityZone: az(i),
            tags: namedTags({ ...tags, 'mpp:tier': 'database' }, `${prefix}-db-${i}`),
          },
          parent,
        ),
      );
    }

    // NAT per AZ in production (an AZ outage keeps the others online), one otherwise.
    this.natGatewayCount = natGatewayCount(ctx.profile, ctx.production, azCount);
    const nats: aws.ec2.NatGateway[] = [];
    for (let i = 0; i < this.natGatewayCount; i++) {
      const eip = new aws.ec2.Eip(
        `${name}-nat-eip-${i}`,
        { domain: 'vpc', tags: namedTags(tags, `${prefix}-nat-${i}`) },
        { parent: this, dependsOn: [igw] },
      );
      const subnet = publicSubnets[i];
      if (!subnet) throw new Error(`no public subnet ${i}`);
      nats.push(
        new aws.ec2.NatGateway(
          `${name}-nat-${i}`,
          {
            allocationId: eip.id,
            subnetId: subnet.id,
            tags: namedTags(tags, `${prefix}-nat-${i}`),
          },
          parent,
        ),
      );
    }

    const appRouteTables: aws.ec2.RouteTable[] = [];
    appSubnets.forEach((subnet, i) => {
      const nat = nats[i % nats.length];
      if (!nat) throw new Error(`no NAT gateway for AZ ${i}`);
      const rt = new aws.ec2.RouteTable(
        `${name}-app-rt-${i}`,
        {
          vpcId: vpc.id,
          routes: [{ cidrBlock: '0.0.0.0/0', natGatewayId: nat.id }],
          tags: namedTags(tags, `${prefix}-app-${i}`),
        },
        parent,
      );
      new aws.ec2.RouteTableAssociation(
        `${name}-app-${i}-rta`,
        { subnetId: subnet.id, routeTableId: rt.id },
        parent,
      );
      appRouteTables.push(rt);
    });

    // Database subnets get a route table with only the local route: no way out.
    const dbRt = new aws.ec2.RouteTable(
      `${name}-db-rt`,
      { vpcId: vpc.id, tags: namedTags(tags, `${prefix}-database`) },
      parent,
    );
    dbSubnets.forEach((subnet, i) => {
      new aws.ec2.RouteTableAssociation(
        `${name}-db-${i}-rta`,
        { subnetId: subnet.id, routeTableId: dbRt.id },
        parent,
      );
    });

    new aws.ec2.VpcEndpoint(
      `${name}-s3-endpoint`,
      {
        vpcId: vpc.id,
        serviceName: `com.amazonaws.${spec.awsRegion}.s3`,
        vpcEndpointType: 'Gateway',
        routeTableIds: appRouteTables.map((rt) => rt.id),
        tags: namedTags(tags, `${prefix}-s3`),
      },
      parent,
    );

    const endpointSg = new aws.ec2.SecurityGroup(
      `${name}-endpoints-sg`,
      {
        vpcId: vpc.id,
        description: 'HTTPS from inside the VPC to the interface endpoints',
        ingress: [{ protocol: 'tcp', fromPort: 443, toPort: 443, cidrBlocks: [this.vpcCidr] }],
        tags: namedTags(tags, `${prefix}-endpoints`),
      },
      parent,
    );
    for (const service of INTERFACE_ENDPOINTS) {
      new aws.ec2.VpcEndpoint(
        `${name}-${service.replace('.', '-')}-endpoint`,
        {
          vpcId: vpc.id,
          serviceName: `com.amazonaws.${spec.awsRegion}.${service}`,
          vpcEndpointType: 'Interface',
          privateDnsEnabled: true,
          subnetIds: appSubnets.map((s) => s.id),
          securityGroupIds: [endpointSg.id],
          tags: namedTags(tags, `${prefix}-${service}`),
        },
        parent,
      );
    }

    this.publicSubnetIds = publicSubnets.map((s) => s.id);
    this.appSubnetIds = appSubnets.map((s) => s.id);
    this.databaseSubnetIds = dbSubnets.map((s) => s.id);
    this.registerOutputs({ vpcId: this.vpcId });
  }
}

function zoneAt(names: string[], i: number, region: string): string {
  const name = names[i];
  if (name === undefined) {
    throw new Error(
      `Region ${region} has only ${names.length} available zones; lower deployment.availabilityZones. / ` +
        `Region ${region} hanya punya ${names.length} zona; kecilkan deployment.availabilityZones.`,
    );
  }
  return name;
}
