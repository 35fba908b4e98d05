import * as aws from '@pulumi/aws';
import type * as pulumi from '@pulumi/pulumi';

/**
 * An ACM certificate for `domainName`, validated through DNS records in `zoneId`.
 * `region` puts it elsewhere than the stack's region (CloudFront needs us-east-1).
 */
export function dnsValidatedCertificate(
  name: string,
  domainName: string,
  zoneId: pulumi.Input<string>,
  tags: Record<string, string>,
  parent: pulumi.Resource,
  region?: string,
): pulumi.Output<string> {
  const where = region === undefined ? {} : { region };
  const cert = new aws.acm.Certificate(
    name,
    { domainName, validationMethod: 'DNS', keyAlgorithm: 'EC_prime256v1', tags, ...where },
    { parent },
  );
  const option = cert.domainValidationOptions.apply((options) => {
    const first = options[0];
    if (!first) throw new Error(`ACM returned no validation record for ${domainName}`);
    return first;
  });
  const record = new aws.route53.Record(
    `${name}-validation`,
    {
      zoneId,
      name: option.resourceRecordName,
      type: option.resourceRecordType,
      records: [option.resourceRecordValue],
      ttl: 300,
      allowOverwrite: true,
    },
    { parent },
  );
  const validation = new aws.acm.CertificateValidation(
    `${name}-validated`,
    { certificateArn: cert.arn, validationRecordFqdns: [record.fqdn], ...where },
    { parent },
  );
  return validation.certificateArn;
}
