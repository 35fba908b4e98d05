import type { APIRoute } from 'astro';
import { normaliseTrackingCode } from '../../features/complaints/complaint-service.js';

/** The tracking form (GET, no JavaScript) sends the code here; we redirect to its page. */
export const GET: APIRoute = (context) => {
  const code = normaliseTrackingCode(context.url.searchParams.get('kode') ?? '');
  if (!code) {
    const message =
      context.locals.lang === 'en'
        ? 'That is not a tracking code (ADU-XXXX-XXXX)'
        : 'Kode lacak tidak dikenali (ADU-XXXX-XXXX)';
    return context.redirect(
      `/pengaduan?error=bad_code&message=${encodeURIComponent(message)}`,
      303,
    );
  }
  return context.redirect(`/pengaduan/${code}`, 303);
};
