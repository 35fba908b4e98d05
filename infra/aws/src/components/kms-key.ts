import * as aws from '@pulumi/aws';
import type * as pulumi from '@pulumi/pulumi';

/**
 * A customer-managed KMS key with yearly automatic rotation, and an alias. `retain` keeps the
 * key when the stack is destroyed: snapshots and recovery points stay readable after teardown.
 */
export function rotatingKey(
  name: string,
  alias: string,
  description: string,
  tags: Record<string, string>,
  parent: pulumi.Resource,
  retain: boolean,
  /** Key policy; absent = the default (the account's IAM policies decide). */
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
    { parent, retainOnDelete: retain },
  );
  new aws.kms.Alias(
    `${name}-alias`,
    { name: `alias/${alias}`, targetKeyId: key.keyId },
    { parent, retainOnDelete: retain },
  );
  return key;
}
