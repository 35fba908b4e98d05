import type { MppConfig } from '@mpp-kit/config';
import { isPrivate, parseCidr, VPC_PREFIX_RANGE } from './cidr.js';
import type { InstanceSpec } from './instance-spec.js';
import type { StackSettings } from './stack-settings.js';

/** One reason a valid `mpp.config.yaml` still cannot be deployed, at a path of the file or a stack key. */
export interface SpecProblem {
  /** Path in `mpp.config.yaml`, or `['(stack)', key]` for a Pulumi stack setting. */
  readonly path: readonly (string | number)[];
  readonly message: { readonly id: string; readonly en: string };
  readonly code: string;
}

export type SpecResult =
  | { readonly ok: true; readonly spec: InstanceSpec }
  | { readonly ok: false; readonly problems: readonly SpecProblem[] };

/** AWS regions in Indonesia (personal data stays in the country; UU 27/2022 PDP). */
export const INDONESIAN_REGIONS: ReadonlySet<string> = new Set(['ap-southeast-3']);

const LOG_RETENTION_DAYS = { production: 365, staging: 30, development: 14 } as const;
const IMAGE_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const COST_CENTRE = /^[\p{L}\p{N} _.:/=+@-]{1,256}$/u;

/** `Kota Surabaya` → `kota-surabaya`, at most 24 characters, for names and tags. */
export function slugOf(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 24)
    .replace(/-+$/, '');
}

/**
 * Maps a validated configuration and the stack settings to an {@link InstanceSpec}. Pure:
 * every problem is returned (none thrown), so a bad file stops the program before any
 * resource is declared.
 */
export function fromConfig(config: MppConfig, stack: StackSettings): SpecResult {
  const problems: SpecProblem[] = [];
  const d = config.deployment;
  const production = d.environment === 'production';

  if (!INDONESIAN_REGIONS.has(d.region) && !stack.allowRegionOutsideIndonesia) {
    problems.push({
      path: ['deployment', 'region'],
      code: 'region_outside_indonesia',
      message: {
        id: `region ${d.region} di luar Indonesia; data pribadi warga harus tetap di ap-southeast-3 (Jakarta), atau setel allowRegionOutsideIndonesia pada stack`,
        en: `region ${d.region} is outside Indonesia; citizens' personal data must stay in ap-southeast-3 (Jakarta), or set allowRegionOutsideIndonesia on the stack`,
      },
    });
  }
  if (d.backupRetentionDays < 7) {
    problems.push({
      path: ['deployment', 'backupRetentionDays'],
      code: 'backup_retention_too_short',
      message: {
        id: `cadangan harus disimpan 7–35 hari, tertulis ${d.backupRetentionDays}`,
        en: `backups must be kept 7–35 days, found ${d.backupRetentionDays}`,
      },
    });
  }
  if (production && !stack.customDomain) {
    problems.push({
      path: ['(stack)', 'customDomain'],
      code: 'production_needs_domain',
      message: {
        id: `lingkungan production wajib memakai domain ${d.domain} (customDomain tidak boleh false)`,
        en: `production must be served on its domain ${d.domain} (customDomain cannot be false)`,
      },
    });
  }
  if (stack.availabilityZones !== 2 && stack.availabilityZones !== 3) {
    problems.push({
      path: ['(stack)', 'availabilityZones'],
      code: 'availability_zones',
      message: {
        id: `availabilityZones harus 2 atau 3, tertulis ${stack.availabilityZones}`,
        en: `availabilityZones must be 2 or 3, found ${stack.availabilityZones}`,
      },
    });
  }
  if (stack.imageTag !== undefined && !IMAGE_TAG.test(stack.imageTag)) {
    problems.push({
      path: ['(stack)', 'imageTag'],
      code: 'image_tag',
      message: {
        id: `imageTag '${stack.imageTag}' bukan tag image Docker yang sah`,
        en: `imageTag '${stack.imageTag}' is not a valid Docker image tag`,
      },
    });
  }
  if (stack.imageTag === 'latest') {
    problems.push({
      path: ['(stack)', 'imageTag'],
      code: 'image_tag_latest',
      message: {
        id: "repositori ECR tidak mengizinkan tag ditimpa; pakai versi, bukan 'latest'",
        en: "the ECR repository has immutable tags; use a version, not 'latest'",
      },
    });
  }
  const costCentre = stack.costCentre ?? `mpp-${config.identity.regionCode}`;
  if (!COST_CENTRE.test(costCentre)) {
    problems.push({
      path: ['(stack)', 'costCentre'],
      code: 'cost_centre',
      message: {
        id: 'costCentre hanya boleh huruf, angka, spasi dan _ . : / = + - @ (maks. 256)',
        en: 'costCentre may hold only letters, digits, spaces and _ . : / = + - @ (max 256)',
      },
    });
  }
  const hostedZone = stack.hostedZone ?? d.domain;
  if (d.domain !== hostedZone && !d.domain.endsWith(`.${hostedZone}`)) {
    problems.push({
      path: ['(stack)', 'hostedZone'],
      code: 'hosted_zone',
      message: {
        id: `zona ${hostedZone} tidak memuat domain ${d.domain}`,
        en: `hosted zone ${hostedZone} does not contain the domain ${d.domain}`,
      },
    });
  }
  const instanceCode = slugOf(config.identity.regency);
  if (instanceCode === '') {
    problems.push({
      path: ['identity', 'regency'],
      code: 'regency_slug',
      message: {
        id: 'nama kabupaten/kota harus memuat huruf atau angka Latin',
        en: 'the regency name must contain Latin letters or digits',
      },
    });
  }
  const vpc = stack.vpcCidr === undefined ? undefined : parseCidr(stack.vpcCidr);
  if (
    vpc === undefined ||
    !isPrivate(vpc) ||
    vpc.prefix < VPC_PREFIX_RANGE.min ||
    vpc.prefix > VPC_PREFIX_RANGE.max
  ) {
    problems.push({
      path: ['(stack)', 'vpcCidr'],
      code: 'vpc_cidr',
      message: {
        id: `vpcCidr wajib berupa rentang privat /16–/20 dari tabel alokasi armada (tertulis ${stack.vpcCidr ?? 'kosong'})`,
        en: `vpcCidr must be a private /16–/20 range from the fleet's allocation table (found ${stack.vpcCidr ?? 'nothing'})`,
      },
    });
  }
  const officeCidrs = (stack.officeCidrs ?? '')
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c !== '');
  const badOffice = officeCidrs.filter((c) => {
    const parsed = parseCidr(c);
    return parsed === undefined || isPrivate(parsed) || parsed.prefix < 24;
  });
  if (badOffice.length > 0) {
    problems.push({
      path: ['(stack)', 'officeCidrs'],
      code: 'office_cidrs',
      message: {
        id: `officeCidrs harus alamat publik gedung MPP (/24 atau lebih sempit): ${badOffice.join(', ')}`,
        en: `officeCidrs must be the MPP building's public addresses (/24 or narrower): ${badOffice.join(', ')}`,
      },
    });
  }
  const copyVault = stack.backupCopyVaultArn;
  const vaultArn = /^arn:aws:backup:([a-z0-9-]+):(\d{12}):backup-vault:[A-Za-z0-9_.-]{2,50}$/.exec(
    copyVault ?? '',
  );
  if (copyVault === undefined ? production : vaultArn?.[1] !== d.region) {
    problems.push({
      path: ['(stack)', 'backupCopyVaultArn'],
      code: 'backup_copy_vault',
      message: {
        id: `backupCopyVaultArn wajib (production) dan harus vault di akun cadangan pada region ${d.region}`,
        en: `backupCopyVaultArn is required in production and must be a vault of the backup account in ${d.region}`,
      },
    });
  }
  const version = stack.databaseCredentialsVersion ?? 1;
  if (!Number.isInteger(version) || version < 1) {
    problems.push({
      path: ['(stack)', 'databaseCredentialsVersion'],
      code: 'database_credentials_version',
      message: {
        id: 'databaseCredentialsVersion harus bilangan bulat ≥ 1',
        en: 'databaseCredentialsVersion must be an integer ≥ 1',
      },
    });
  }
  if (problems.length > 0) return { ok: false, problems };

  return {
    ok: true,
    spec: {
      instanceCode,
      displayName: config.identity.name.id,
      regionCode: config.identity.regionCode,
      timezone: config.timezone,
      environment: d.environment,
      awsRegion: d.region,
      availabilityZoneCount: stack.availabilityZones,
      profile: d.size,
      ...(stack.customDomain ? { domain: { name: d.domain, hostedZoneName: hostedZone } } : {}),
      alarmEmail: d.alarmEmail,
      backupRetentionDays: d.backupRetentionDays,
      logRetentionDays: LOG_RETENTION_DAYS[d.environment],
      costCentre,
      ...(stack.imageTag === undefined ? {} : { imageTag: stack.imageTag }),
      ...(stack.createFirstAccounts ? { createFirstAccounts: true } : {}),
      vpcCidr: stack.vpcCidr as string,
      ...(officeCidrs.length > 0 ? { officeCidrs } : {}),
      ...(copyVault === undefined ? {} : { backupCopyVaultArn: copyVault }),
      ...(stack.securityServicesCentral ? { securityServicesCentral: true } : {}),
      databaseCredentialsVersion: version,
    },
  };
}
