import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Catalogue } from '../catalogue/catalogue.js';
import type { Role } from './access-policy.js';
import type { AuthService } from './auth-service.js';

export interface DemoLogin {
  username: string;
  password: string;
  role: Role;
  agencyId: string | null;
}

const FILE = 'demo-logins.json';

/**
 * On first start (no staff yet) creates one operator and one agency admin per agency, an MPP
 * manager and an auditor, each with a random password. Passwords are kept only in a 0600 file
 * in the data directory so they can be printed again; the database holds argon2 hashes.
 */
export async function ensureDemoAccounts(
  auth: AuthService,
  catalogue: Catalogue,
  dataDir: string,
): Promise<DemoLogin[]> {
  const file = path.join(dataDir, FILE);
  if ((await auth.staffCount()) > 0) {
    return JSON.parse(await readFile(file, 'utf8').catch(() => '[]')) as DemoLogin[];
  }
  const logins: DemoLogin[] = [
    { username: 'manajer', password: newPassword(), role: 'mpp_manager', agencyId: null },
    { username: 'auditor', password: newPassword(), role: 'auditor', agencyId: null },
  ];
  for (const agency of catalogue.agencies) {
    logins.push(
      {
        username: `operator-${agency.id}`,
        password: newPassword(),
        role: 'operator',
        agencyId: agency.id,
      },
      {
        username: `admin-${agency.id}`,
        password: newPassword(),
        role: 'agency_admin',
        agencyId: agency.id,
      },
    );
  }
  await Promise.all(
    logins.map((l) => auth.createStaff({ ...l, displayName: l.username.replace(/-/g, ' ') })),
  );
  await writeFile(file, JSON.stringify(logins, null, 2), { mode: 0o600 });
  return logins;
}

function newPassword(): string {
  return randomBytes(9).toString('base64url');
}
