// @ts-check
// A regional project that replaces every component @mpp-kit/app lets it replace, adds a page of
// its own (src/pages/denah.astro) and a migration of its own (migrations/).
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
