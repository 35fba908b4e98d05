import { EmailSchema } from '@mpp-kit/service-standard';
import { z } from 'zod';

/** Where and how the MPP is deployed (read by `infra/aws`). */
export const DeploymentSchema = z.strictObject({
  provider: z.literal('aws').default('aws'),
  /** AWS region; Jakarta by default. */
  region: z
    .string()
    .regex(/^[a-z]{2}(?:-[a-z]+)+-\d$/, {
      error: 'region AWS tidak sah, mis. ap-southeast-3 / invalid AWS region, e.g. ap-southeast-3',
    })
    .default('ap-southeast-3'),
  environment: z.enum(['production', 'staging', 'development']),
  /** small ≈ one kabupaten MPP, large ≈ a metropolitan one. */
  size: z.enum(['small', 'medium', 'large']).default('small'),
  /** Public host name, e.g. `mpp.contohkota.go.id`. */
  domain: z
    .string()
    .regex(/^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, {
      error:
        'nama domain tidak sah, mis. mpp.contohkota.go.id / invalid domain, e.g. mpp.contohkota.go.id',
    }),
  /** Receives operational alarms. */
  alarmEmail: EmailSchema,
  /** Days of automated database backups (RDS allows 1–35). */
  backupRetentionDays: z
    .int({ error: 'harus bilangan bulat hari / must be a whole number of days' })
    .min(1, { error: 'paling sedikit 1 hari / at least 1 day' })
    .max(35, { error: 'paling lama 35 hari (batas RDS) / at most 35 days (RDS limit)' })
    .default(7),
});
/** Deployment settings. */
export type Deployment = z.infer<typeof DeploymentSchema>;
