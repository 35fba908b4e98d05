/// <reference types="astro/client" />

// Lets plain TypeScript (the tests) import this project's .astro components.
declare module '*.astro' {
  const Component: import('astro/runtime/server/index.js').AstroComponentFactory;
  export default Component;
}
