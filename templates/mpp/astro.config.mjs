// @ts-check
import mpp from '@mpp-kit/app';
import { defineConfig } from 'astro/config';

// The whole app comes from @mpp-kit/app; this project keeps its configuration (mpp.config.yaml),
// its branding and the components it replaces. See README.md, "Overrides".
export default defineConfig({
  integrations: [mpp({ overrides: { HomeIntro: './src/overrides/HomeIntro.astro' } })],
});
