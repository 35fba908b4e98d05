import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { BACKUP_TAG_KEY } from '../tags.js';
import type { InstanceContext } from './component-args.js';
import { rotatingKey } from './kms-key.js';

/** Days after which a vault lock can no longer be changed or removed (compliance mode). */
export const VAULT_LOCK_GRACE_DAYS = 3;
/** AWS Backup keeps continuous backups (point-in-time restore) at most this many days. */
const CONTINUOUS_MAX_DAYS = 35;

/**
 * AWS Backup: a vault encrypted with its own rotating key and locked, a plan with continuous
 * backup (point-in-time restore) and a daily snapshot copied to the fleet's backup account
 * in the same region, and a selection of every resource of this instance tagged
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
    // Nobody in this account, not even an intruder with administrator rights, can delete a
    // recovery point early or shorten its retention. In production the lock becomes
    // permanent (compliance mode) after the grace days; elsewhere it stays removable.
    new aws.backup.VaultLockConfiguration(
      `${name}-vault-lock`,
      {
        backupVaultName: vault.name,
        minRetentionDays: Math.min(7, spec.backupRetentionDays),
        maxRetentionDays: CONTINUOUS_MAX_DAYS,
        ...(production ? { changeableForDays: VAULT_LOCK_GRACE_DAYS } : {}),
      },
      parent,
    );

    const copy =
      spec.backupCopyVaultArn === undefined
        ? {}
        : {
            copyActions: [
              {
                destinationVaultArn: spec.backupCopyVaultArn,
                lifecycle: { deleteAfter: spec.backupRetentionDays },
              },
            ],
          };
    const plan = new aws.backup.Plan(
      `${name}-plan`,
      {
        name: `${prefix}-daily`,
        rules: [
          {
            // Point-in-time restore to any second of the retention (RPO ~5 minutes).
            ruleName: 'continuous',
            targetVaultName: vault.name,
            schedule: 'cron(0 18 * * ? *)', // 01:00 WIB
            enableContinuousBackup: true,
            startWindow: 60,
            completionWindow: 360,
            lifecycle: { deleteAfter: Math.min(spec.backupRetentionDays, CONTINUOUS_MAX_DAYS) },
            recoveryPointTags: tags,
          },
          {
            // A daily snapshot, copied to the backup account: survives this account's loss.
            ruleName: 'daily-copy',
            targetVaultName: vault.name,
            schedule: 'cron(30 18 * * ? *)', // 01:30 WIB
            startWindow: 60,
            completionWindow: 360,
            lifecycle: { deleteAfter: spec.backupRetentionDays },
            recoveryPointTags: tags,
            ...copy,
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
