import * as aws from '@pulumi/aws';
import type * as pulumi from '@pulumi/pulumi';

/** A customer-managed KMS key with yearly automatic rotation, and an alias. */
export function rotatingKey(
  name: string,
  alias: string,
  description: string,
  tags: Record<string, string>,
  parent: pulumi.Resource,
  policy?: pulumi.Input<string>,
): aws.kms.Key {
  const key = new aws.kms.Key(
    name,
    {
      description,
      enableKeyRotation: true,
      deletionWindowInDays: 30,
      ...(policy === undefined ? {} : { policy }),
      tags,
    },
    { parent },
  );
  new aws.kms.Alias(
    `${name}-alias`,
    { name: `alias/${alias}`, targetKeyId: key.keyId },
    { parent },
  );
  return key;
}
