// @ts-check
// The project the package's own tests build and run: the app with no override, as a region
// gets it from create-mpp before changing anything.
import mpp from '@mpp-kit/app';
import { defineConfig } from 'astro/config';

export default defineConfig({ integrations: [mpp()] });
