import type { AgencyChoice } from './agencies.js';
import { type Answers, slugify } from './answers.js';

const DOCS = 'https://github.com/mpp-kit/mpp-kit/blob/main/docs';

/** The README of a new MPP project, in Bahasa Indonesia then English. */
export function renderReadme(answers: Answers, chosen: readonly AgencyChoice[]): string {
  const agencies = chosen
    .map(
      ({ agency, services }) =>
        `| \`${agency.code}\` | ${agency.name.id} | ${services.map((s) => `\`${s.code}@${s.standar.version}\``).join(', ')} |`,
    )
    .join('\n');
  const stack = `${slugify(answers.regency)}-production`;
  return `# ${answers.name}

Aplikasi Mal Pelayanan Publik (MPP) ${answers.regency}, ${answers.province}, dibuat dengan
[MPP Kit](https://github.com/mpp-kit/mpp-kit) (\`create-mpp\`).
The public service mall (MPP) app of ${answers.regency}, ${answers.province}, made with MPP Kit.

| | |
| --- | --- |
| Kode wilayah Kemendagri / region code | \`${answers.regionCode}\` |
| Provinsi / province | ${answers.province} |
| Kabupaten/kota | ${answers.regency} |
| Zona waktu / time zone | \`${answers.timezone}\` |
| Profil penerapan / deployment profile | \`${answers.profile}\` |
| Domain | \`${answers.domain}\` |
| Email admin / admin email | ${answers.adminEmail} |

## Instansi / agencies

Diambil dari katalog nasional \`@mpp-kit/service-standard\` / taken from the national catalogue.

| kode / code | instansi / agency | layanan / services |
| --- | --- | --- |
${agencies}

## Menjalankan / Running

Butuh Node.js 24 / needs Node.js 24. Aplikasinya adalah paket \`@mpp-kit/app\`; proyek ini
hanya memuat konfigurasi, merek dan komponen pengganti (\`src/overrides/\`).
The app is the package \`@mpp-kit/app\`; this project holds only its configuration, branding and
replacement components (\`src/overrides/\`).

\`\`\`sh
npm install
npm run build
npm test
PORT=3000 npm start      # http://localhost:3000
\`\`\`

## Memperbarui / Upgrading

\`\`\`sh
npm update @mpp-kit/app
npm run build
npm start                # migrasi berjalan saat mulai / migrations run on start
\`\`\`

Panduan / guide: [Memperbarui MPP / Upgrading an MPP](${DOCS}/upgrading-an-mpp.md).

## Konfigurasi / Configuration

\`mpp.config.yaml\` memuat identitas, jam layanan, instansi, loket dan penerapan MPP ini. Aplikasi
dan program infrastruktur (\`infra/\`) membaca berkas yang sama; berkas yang tidak sah menghentikan
keduanya dengan pesan yang menyebut baris dan kolomnya.
\`mpp.config.yaml\` holds this MPP's identity, opening hours, agencies, counters (loket) and
deployment. The app and the infrastructure program (\`infra/\`) read the same file; an invalid file
stops both with errors naming its line and column.

## Penerapan ke AWS / Deploying to AWS

\`infra/Pulumi.yaml\` membaca \`../mpp.config.yaml\` / reads \`../mpp.config.yaml\`.

\`\`\`sh
cd infra
npm install
npm run build
npm run estimate ../mpp.config.yaml
pulumi login
pulumi stack init ${stack}
pulumi preview --policy-pack policy-pack
pulumi up
\`\`\`

Panduan lengkap / full guide: [Meluncurkan MPP baru / Launching a new MPP](${DOCS}/launching-a-new-mpp.md).
`;
}
