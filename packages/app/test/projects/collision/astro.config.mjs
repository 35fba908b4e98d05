// @ts-check
// A project whose own page takes a URL of the app (/jam-layanan): its build must fail with a
// message naming the page (test/extension-points.test.ts).
import mpp from '@mpp-kit/app';
import { defineConfig } from 'astro/config';

export default defineConfig({ integrations: [mpp()] });
