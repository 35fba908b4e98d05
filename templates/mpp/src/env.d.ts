/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    app: import('./app/context.js').AppContext;
    lang: import('./lib/i18n.js').Lang;
    csrf: string;
    session: import('./app/auth-service.js').StaffSession | null;
  }
}
