import { getViteConfig } from 'astro/config';

// Astro's Vite setup, so tests can render this project's .astro overrides.
export default getViteConfig({ test: { include: ['test/**/*.test.ts'] } });
