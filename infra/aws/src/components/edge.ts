import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import type { InstanceSecrets } from '../spec/instance-spec.js';
import { rateLimitsOf } from '../spec/traffic.js';
import { AUDIT_PREFIXES } from './audit.js';
import type { InstanceContext } from './component-args.js';
import { dnsValidatedCertificate } from './dns-certificate.js';
import { ORIGIN_HEADER, type Service } from './service.js';

/** CloudFront certificates and CLOUDFRONT-scope web ACLs must live in us-east-1. */
export const EDGE_REGION = 'us-east-1';
/** Paths of the kiosk and display-board screens of the template app. */
export const KIOSK_PATH = '/kiosk';
export const BOARD_PATH = '/board';

// AWS managed CloudFront policies (fixed IDs, the same in every account).
const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const CACHING_OPTIMIZED = '658327ea-f89d-4fab-a63d-7e88639e58f6';
const ALL_VIEWER_EXCEPT_HOST = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';

/** The AWS managed rule groups of the web ACL, in evaluation order. */
export const MANAGED_RULE_GROUPS = [
  'AWSManagedRulesAmazonIpReputationList',
  'AWSManagedRulesCommonRuleSet',
  'AWSManagedRulesKnownBadInputsRuleSet',
] as const;

function visibility(metricName: string) {
  return { cloudwatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName };
}

/**
 * CloudFront in front of the ALB with a WAF web ACL (managed rule groups plus a per-IP
 * rate limit), and — with a custom domain — its us-east-1 certificate and alias records.
 */
export class Edge extends pulumi.ComponentResource {
  readonly distributionDomainName: pulumi.Output<string>;
  readonly distributionId: pulumi.Output<string>;
  readonly webAclArn: pulumi.Output<string>;
  readonly publicUrl: pulumi.Output<string>;

  constructor(
    name: string,
    ctx: InstanceContext,
    service: Service,
    zoneId: pulumi.Input<string> | undefined,
    secrets: InstanceSecrets,
    auditBucketArn: pulumi.Input<string>,
    opts?: pulumi.ComponentResourceOptions,
  ) {
    super('mpp:aws:Edge', name, {}, opts);
    const parent = { parent: this };
    const { spec, profile, tags, prefix } = ctx;
    const limits = rateLimitsOf(profile);
    const offices =
      spec.officeCidrs === undefined
        ? undefined
        : new aws.wafv2.IpSet(
            `${name}-office`,
            {
              region: EDGE_REGION,
              name: `${prefix}-office`,
              description: `MPP ${spec.displayName}: the building's kiosks, boards and counters`,
              scope: 'CLOUDFRONT',
              ipAddressVersion: 'IPV4',
              addresses: [...spec.officeCidrs],
              tags,
            },
            parent,
          );

    const managed = MANAGED_RULE_GROUPS.map((group, i) => ({
      name: group,
      priority: i + 1,
      overrideAction: { none: {} },
      statement: {
        managedRuleGroupStatement: {
          vendorName: 'AWS',
          name: group,
          // Service forms carry scanned documents: the 8 KB body limit would block them.
          ...(group === 'AWSManagedRulesCommonRuleSet'
            ? {
                ruleActionOverrides: [
                  { name: 'SizeRestrictions_BODY', actionToUse: { count: {} } },
                ],
              }
            : {}),
        },
      },
      visibilityConfig: visibility(`${prefix}-${group}`),
    }));
    const webAcl = new aws.wafv2.WebAcl(
      `${name}-waf`,
      {
        region: EDGE_REGION,
        name: `${prefix}-edge`,
        description: `MPP ${spec.displayName}: CloudFront protection`,
        scope: 'CLOUDFRONT',
        defaultAction: { allow: {} },
        rules: [...managed, ...rateRules(prefix, managed.length + 1, limits, offices)],
        visibilityConfig: visibility(`${prefix}-edge`),
        tags,
      },
      parent,
    );
    this.webAclArn = webAcl.arn;
    // Every request the WAF saw, into the audit bucket in Jakarta; credentials are redacted.
    new aws.wafv2.WebAclLoggingConfiguration(
      `${name}-waf-logs`,
      {
        region: EDGE_REGION,
        resourceArn: webAcl.arn,
        logDestinationConfigs: [auditBucketArn],
        redactedFields: [
          { singleHeader: { name: 'cookie' } },
          { singleHeader: { name: 'authorization' } },
        ],
      },
      parent,
    );

    const domain = spec.domain;
    const viewerCertificate =
      domain && zoneId !== undefined
        ? {
            acmCertificateArn: dnsValidatedCertificate(
              `${name}-cert`,
              domain.name,
              zoneId,
              tags,
              this,
              EDGE_REGION,
            ),
            sslSupportMethod: 'sni-only',
            minimumProtocolVersion: 'TLSv1.2_2021',
          }
        : { cloudfrontDefaultCertificate: true };

    const originId = 'alb';
    const distribution = new aws.cloudfront.Distribution(
      `${name}-cdn`,
      {
        enabled: true,
        comment: `MPP ${spec.displayName} (${spec.environment})`,
        aliases: domain ? [domain.name] : [],
        httpVersion: 'http2and3',
        isIpv6Enabled: true,
        priceClass: 'PriceClass_200', // includes edge locations in Indonesia
        webAclId: webAcl.arn,
        origins: [
          {
            originId,
            domainName: service.origin.domainName,
            customOriginConfig: {
              httpPort: 80,
              httpsPort: 443,
              originProtocolPolicy: service.origin.protocol,
              originSslProtocols: ['TLSv1.2'],
              // Long enough for SSE streams between heartbeats (25 s).
              originReadTimeout: 60,
              originKeepaliveTimeout: 60,
            },
            // The load balancer forwards only requests carrying this secret (CONTRACT.md).
            customHeaders: [{ name: ORIGIN_HEADER, value: secrets.originSecret }],
          },
        ],
        defaultCacheBehavior: {
          targetOriginId: originId,
          viewerProtocolPolicy: 'redirect-to-https',
          allowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'POST', 'PATCH', 'DELETE'],
          cachedMethods: ['GET', 'HEAD'],
          cachePolicyId: CACHING_DISABLED,
          originRequestPolicyId: ALL_VIEWER_EXCEPT_HOST,
          compress: true,
        },
        orderedCacheBehaviors: [
          {
            pathPattern: '/_astro/*',
            targetOriginId: originId,
            viewerProtocolPolicy: 'redirect-to-https',
            allowedMethods: ['GET', 'HEAD'],
            cachedMethods: ['GET', 'HEAD'],
            cachePolicyId: CACHING_OPTIMIZED,
            compress: true,
          },
        ],
        restrictions: { geoRestriction: { restrictionType: 'none' } },
        viewerCertificate,
        tags,
      },
      parent,
    );
    this.distributionDomainName = distribution.domainName;
    // Access logs through CloudWatch log delivery (no bucket ACLs needed, unlike legacy
    // logging); the source lives with CloudFront in us-east-1, the files land in Jakarta.
    const source = new aws.cloudwatch.LogDeliverySource(
      `${name}-cdn-log-source`,
      {
        region: EDGE_REGION,
        name: `${prefix}-cdn`,
        logType: 'ACCESS_LOGS',
        resourceArn: distribution.arn,
        tags,
      },
      parent,
    );
    const destination = new aws.cloudwatch.LogDeliveryDestination(
      `${name}-cdn-log-destination`,
      {
        region: EDGE_REGION,
        name: `${prefix}-cdn-audit-bucket`,
        outputFormat: 'parquet',
        deliveryDestinationConfiguration: {
          destinationResourceArn: pulumi.interpolate`${auditBucketArn}/${AUDIT_PREFIXES.cloudfront}`,
        },
        tags,
      },
      parent,
    );
    new aws.cloudwatch.LogDelivery(
      `${name}-cdn-log-delivery`,
      {
        region: EDGE_REGION,
        deliverySourceName: source.name,
        deliveryDestinationArn: destination.arn,
        tags,
      },
      parent,
    );
    this.distributionId = distribution.id;

    if (domain && zoneId !== undefined) {
      for (const type of ['A', 'AAAA']) {
        new aws.route53.Record(
          `${name}-alias-${type.toLowerCase()}`,
          {
            zoneId,
            name: domain.name,
            type,
            aliases: [
              {
                name: distribution.domainName,
                zoneId: distribution.hostedZoneId,
                evaluateTargetHealth: false,
              },
            ],
          },
          parent,
        );
      }
      this.publicUrl = pulumi.output(`https://${domain.name}`);
    } else {
      this.publicUrl = pulumi.interpolate`https://${distribution.domainName}`;
    }
    this.registerOutputs({ publicUrl: this.publicUrl });
  }
}

/**
 * Rate rules sized by the traffic model: the MPP building's addresses (when known) get their
 * own limit, and the per-address limit for everyone else leaves them out.
 */
function rateRules(
  prefix: string,
  firstPriority: number,
  limits: { perAddress: number; office: number },
  offices: aws.wafv2.IpSet | undefined,
) {
  const perAddress = {
    name: 'rate-limit-per-ip',
    priority: firstPriority,
    action: { block: {} },
    statement: {
      rateBasedStatement: {
        limit: limits.perAddress,
        aggregateKeyType: 'IP',
        ...(offices === undefined
          ? {}
          : {
              scopeDownStatement: {
                notStatement: {
                  statement: { ipSetReferenceStatement: { arn: offices.arn } },
                },
              },
            }),
      },
    },
    visibilityConfig: visibility(`${prefix}-rate-limit`),
  };
  if (offices === undefined) return [perAddress];
  return [
    perAddress,
    {
      name: 'rate-limit-mpp-building',
      priority: firstPriority + 1,
      action: { block: {} },
      statement: {
        rateBasedStatement: {
          limit: limits.office,
          aggregateKeyType: 'IP',
          scopeDownStatement: { ipSetReferenceStatement: { arn: offices.arn } },
        },
      },
      visibilityConfig: visibility(`${prefix}-rate-limit-office`),
    },
  ];
}
