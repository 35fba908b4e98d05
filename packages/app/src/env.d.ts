/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    app: import('./features/app-context.js').AppContext;
    lang: import('./shared/i18n/i18n.js').Lang;
    csrf: string;
    session: import('./features/staff/auth-service.js').StaffSession | null;
  }
}
