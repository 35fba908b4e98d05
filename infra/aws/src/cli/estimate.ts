// `pnpm run estimate [mpp.config.yaml …]`: the monthly AWS cost of each configuration, from the
// dated price table in src/cost/price-table.ts. Without arguments, the demo configurations.
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { estimateMonthlyCost, formatEstimate, USAGE } from '../cost/estimate.js';
import { JAKARTA_PRICES } from '../cost/price-table.js';
import { loadInstanceSpec } from '../spec/load-instance.js';
import { SIZE_PROFILES } from '../spec/profiles.js';

const examples = fileURLToPath(new URL('../../examples/', import.meta.url));
// `pnpm run estimate -- a.yaml` passes the `--` through.
const args = process.argv.slice(2).filter((a) => a !== '--');
const files =
  args.length > 0
    ? args.map((f) => resolve(process.env.INIT_CWD ?? process.cwd(), f))
    : readdirSync(examples)
        .filter((f) => f.endsWith('.mpp.config.yaml'))
        .sort()
        .map((f) => join(examples, f));

const table = JAKARTA_PRICES;
console.log(`Price table / Tabel harga: ${table.region}, ${table.asOf}, ${table.currency}`);
console.log(`Source / Sumber: ${table.source}`);
if (!table.checkedAgainstSource) {
  console.log(
    'WARNING / PERINGATAN: prices not yet checked against the source; indicative only / harga belum dicek ke sumber; hanya perkiraan.',
  );
}
console.log(
  `Assumptions / Asumsi: ${USAGE.requestsPerVisitor} requests and ${USAGE.transferMbPerVisitor} MB per visitor, ${USAGE.daysPerMonth} days, minimum task count, no free tier.\n`,
);

let failed = false;
for (const file of files) {
  try {
    const spec = await loadInstanceSpec({
      configFile: file,
      imageTag: 'estimate',
      customDomain: true,
      availabilityZones: 3,
      allowRegionOutsideIndonesia: false,
      // Placeholders: the estimate needs neither a real range nor a real backup account.
      vpcCidr: '10.0.0.0/16',
      backupCopyVaultArn: 'arn:aws:backup:ap-southeast-3:000000000000:backup-vault:estimate',
    });
    const profile = SIZE_PROFILES[spec.profile];
    const title = `${spec.displayName} — ${spec.profile} (≤ ${profile.visitorsPerDay} visitors/day), ${spec.environment}, ${spec.awsRegion}\n${file}`;
    console.log(`${formatEstimate(title, estimateMonthlyCost(spec, table), table)}\n`);
  } catch (error) {
    failed = true;
    console.error(`${file}:\n${error instanceof Error ? error.message : String(error)}\n`);
  }
}
process.exitCode = failed ? 1 : 0;
