import type { ResourceValidationPolicy } from '@pulumi/policy';
import { forTypes, isProduction, T } from './helpers.js';

export const albHttpsRedirect: ResourceValidationPolicy = {
  name: 'alb-http-to-https-redirect',
  description: 'The default action of every HTTP listener redirects to HTTPS.',
  enforcementLevel: 'mandatory',
  validateResource: forTypes([T.listener, T.albListenerLegacy], (props, report) => {
    if (props.protocol !== 'HTTP') return;
    const actions = (props.defaultActions ?? []) as {
      type?: string;
      redirect?: { protocol?: string };
    }[];
    const ok = actions.some((a) => a.type === 'redirect' && a.redirect?.protocol === 'HTTPS');
    if (!ok) report('an HTTP listener must redirect to HTTPS by default.');
  }),
};

export const albDeletionProtection: ResourceValidationPolicy = {
  name: 'alb-deletion-protection',
  description: 'Production load balancers have deletion protection.',
  enforcementLevel: 'mandatory',
  validateResource: forTypes([T.loadBalancer, T.albLegacy], (props, report) => {
    if (isProduction(props) && props.enableDeletionProtection !== true) {
      report('enableDeletionProtection must be true in production.');
    }
  }),
};

export const albAccessLogs: ResourceValidationPolicy = {
  name: 'alb-access-logs',
  description: 'Load balancers write access logs to S3.',
  enforcementLevel: 'mandatory',
  validateResource: forTypes([T.loadBalancer, T.albLegacy], (props, report) => {
    if (props.accessLogs?.enabled !== true || !props.accessLogs?.bucket) {
      report('accessLogs must be enabled with a bucket.');
    }
  }),
};

export const logRetention: ResourceValidationPolicy = {
  name: 'log-retention-set',
  description: 'CloudWatch log groups have a retention (never "keep forever").',
  enforcementLevel: 'mandatory',
  validateResource: forTypes([T.logGroup], (props, report) => {
    if (typeof props.retentionInDays !== 'number' || props.retentionInDays <= 0) {
      report('retentionInDays must be set.');
    }
  }),
};

export const wafAttached: ResourceValidationPolicy = {
  name: 'waf-attached',
  description: 'CloudFront distributions are protected by a WAF web ACL.',
  enforcementLevel: 'mandatory',
  validateResource: forTypes([T.distribution], (props, report) => {
    if (!props.webAclId) report('webAclId must reference a WAFv2 web ACL.');
  }),
};

const OPEN = new Set(['0.0.0.0/0', '::/0']);
const PUBLIC_WEB_PORTS = new Set([80, 443]);

interface IngressLike {
  fromPort?: number;
  toPort?: number;
  cidrBlocks?: string[];
  ipv6CidrBlocks?: string[];
}

/**
 * Nothing is open to the internet except a load balancer's HTTP and HTTPS ports: a rule
 * open to 0.0.0.0/0 or ::/0 is allowed only on a group tagged `mpp:role=load-balancer`,
 * and only for exactly port 80 or 443.
 */
export const noOpenIngress: ResourceValidationPolicy = {
  name: 'no-open-ingress',
  description: 'No security group is open to 0.0.0.0/0 except the ALB on 80/443.',
  enforcementLevel: 'mandatory',
  validateResource: [
    forTypes([T.securityGroup], (props, report) => {
      const isAlb = props.tags?.['mpp:role'] === 'load-balancer';
      for (const rule of (props.ingress ?? []) as IngressLike[]) {
        const open = [...(rule.cidrBlocks ?? []), ...(rule.ipv6CidrBlocks ?? [])].some((c) =>
          OPEN.has(c),
        );
        if (!open) continue;
        const webPort = rule.fromPort === rule.toPort && PUBLIC_WEB_PORTS.has(rule.fromPort ?? -1);
        if (!(isAlb && webPort)) {
          report(`ingress ${rule.fromPort}-${rule.toPort} is open to the internet.`);
        }
      }
    }),
    forTypes([T.ingressRule], (props, report) => {
      if (OPEN.has(props.cidrIpv4) || OPEN.has(props.cidrIpv6)) {
        report('standalone ingress rules may not be open to the internet.');
      }
    }),
    forTypes([T.securityGroupRule], (props, report) => {
      const open = [...(props.cidrBlocks ?? []), ...(props.ipv6CidrBlocks ?? [])].some(
        (c: string) => OPEN.has(c),
      );
      if (props.type === 'ingress' && open)
        report('standalone ingress rules may not be open to the internet.');
    }),
  ],
};

export const ecrImmutableScanned: ResourceValidationPolicy = {
  name: 'ecr-immutable-scanned',
  description: 'Image repositories have immutable tags and scan on push.',
  enforcementLevel: 'mandatory',
  validateResource: forTypes([T.ecrRepository], (props, report) => {
    if (props.imageTagMutability !== 'IMMUTABLE') report('imageTagMutability must be IMMUTABLE.');
    if (props.imageScanningConfiguration?.scanOnPush !== true) report('scanOnPush must be true.');
  }),
};

export const ecsNoPublicIp: ResourceValidationPolicy = {
  name: 'ecs-no-public-ip',
  description: 'App tasks run in private subnets without public IPs.',
  enforcementLevel: 'mandatory',
  validateResource: forTypes([T.ecsService], (props, report) => {
    if (props.networkConfiguration?.assignPublicIp !== false)
      report('assignPublicIp must be false.');
  }),
};
