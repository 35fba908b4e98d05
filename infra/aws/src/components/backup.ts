import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { BACKUP_TAG_KEY } from '../tags.js';
import type { InstanceContext } from './component-args.js';
import { rotatingKey } from './kms-key.js';

/**
 * AWS Backup: a vault encrypted with its own rotating key, a daily plan keeping
 * `backupRetentionDays`, and a selection of every resource of this instance tagged
 * `mpp:backup=true` (the database today; anything tagged tomorrow).
 */
export class Backup extends pulumi.ComponentResource {
  readonly vaultName: pulumi.Output<string>;
  readonly planId: pulumi.Output<string>;

  constructor(name: string, ctx: InstanceContext, opts?: pulumi.ComponentResourceOptions) {
    super('mpp:aws:Backup', name, {}, opts);
    const parent = { parent: this };
    const { spec, production, tags, prefix } = ctx;

    const key = rotatingKey(
      `${name}-key`,
      `${prefix}-backup`,
      `MPP ${spec.displayName}: backup vault`,
      tags,
      this,
      production,
    );
    // In production the vault outlives the stack: recovery points must survive a teardown.
    const vault = new aws.backup.Vault(
      `${name}-vault`,
      { name: `${prefix}-vault`, kmsKeyArn: key.arn, forceDestroy: !production, tags },
      { parent: this, retainOnDelete: production },
    );
    this.vaultName = vault.name;

    const plan = new aws.backup.Plan(
      `${name}-plan`,
      {
        name: `${prefix}-daily`,
        rules: [
          {
            ruleName: 'daily',
            targetVaultName: vault.name,
            schedule: 'cron(0 18 * * ? *)', // 01:00 WIB
            startWindow: 60,
            completionWindow: 360,
            lifecycle: { deleteAfter: spec.backupRetentionDays },
            recoveryPointTags: tags,
          },
        ],
        tags,
      },
      parent,
    );
    this.planId = plan.id;

    const role = new aws.iam.Role(
      `${name}-role`,
      {
        assumeRolePolicy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { Service: 'backup.amazonaws.com' },
              Action: 'sts:AssumeRole',
            },
          ],
        }),
        description: 'AWS Backup: back up and restore the MPP database',
        tags,
      },
      parent,
    );
    for (const [id, policy] of [
      ['backup', 'AWSBackupServiceRolePolicyForBackup'],
      ['restore', 'AWSBackupServiceRolePolicyForRestores'],
    ] as const) {
      new aws.iam.RolePolicyAttachment(
        `${name}-role-${id}`,
        { role: role.name, policyArn: `arn:aws:iam::aws:policy/service-role/${policy}` },
        parent,
      );
    }

    new aws.backup.Selection(
      `${name}-selection`,
      {
        name: `${prefix}-tagged`,
        planId: plan.id,
        iamRoleArn: role.arn,
        resources: ['*'],
        conditions: [
          {
            stringEquals: [
              { key: `aws:ResourceTag/${BACKUP_TAG_KEY}`, value: 'true' },
              { key: 'aws:ResourceTag/mpp:instance', value: spec.instanceCode },
            ],
          },
        ],
      },
      parent,
    );
    this.registerOutputs({ vaultName: this.vaultName });
  }
}
