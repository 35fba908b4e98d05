// @ts-check
// A regional project that uses every extension point of @mpp-kit/app, each visibly marked so the
// tests can tell it from the default: all six overrides, a page of its own (src/pages/denah.astro)
// and a migration of its own (migrations/). test/extension-points.test.ts builds and runs it.
import mpp from '@mpp-kit/app';
import { defineConfig } from 'astro/config';

export default defineConfig({
  integrations: [
    mpp({
      overrides: {
        Header: './src/overrides/Header.astro',
        Footer: './src/overrides/Footer.astro',
        HomeIntro: './src/overrides/HomeIntro.astro',
        TicketPrint: './src/overrides/TicketPrint.astro',
        BoardFrame: './src/overrides/BoardFrame.astro',
        Announcement: './src/overrides/announcement.ts',
      },
    }),
  ],
});
