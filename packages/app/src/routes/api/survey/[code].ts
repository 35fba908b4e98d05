import { defineEndpoint } from '../../../api/define-endpoint.js';
import { SURVEY_API } from '../../../features/survey/api.js';
import { isFormPost, json } from '../../../shared/http/respond.js';

/** The exit tablet posts with ?layar=tablet and gets its own thank-you and error pages. */
const onTablet = (url: URL) => url.searchParams.get('layar') === 'tablet';

/** Answers the survey of a served ticket, once. Form posts (no JavaScript) get a redirect. */
export const POST = defineEndpoint(
  SURVEY_API.answer,
  async ({ context, app, params, body }) => {
    await app.survey.submit(params.code, body);
    if (isFormPost(context.request))
      return context.redirect(
        onTablet(context.url) ? '/survei/tablet/terima-kasih' : '/survei/terima-kasih',
        303,
      );
    return json({ ok: true }, 201);
  },
  {
    back: (context) =>
      `/survei/${onTablet(context.url) ? 'tablet/' : ''}${encodeURIComponent(context.params.code ?? '')}`,
  },
);
