import { workingCalendar } from '../shared/time/working-days.js';
import { AnalyticsService } from './analytics/analytics-service.js';
import type { AppContext } from './app-context.js';
import { ComplaintService } from './complaints/complaint-service.js';
import { SurveyService } from './survey/survey-service.js';

export interface FeedbackServices {
  survey: SurveyService;
  complaints: ComplaintService;
  analytics: AnalyticsService;
}

const cache = new WeakMap<AppContext, FeedbackServices>();

/**
 * The survey, complaint and analytics services of an app context, built once per context.
 * They only need the pool and the catalogue, so they hang off the context instead of
 * widening it.
 */
export function feedback(app: AppContext): FeedbackServices {
  let services = cache.get(app);
  if (!services) {
    services = {
      survey: new SurveyService(app.pool, app.catalogue),
      complaints: new ComplaintService(
        app.pool,
        workingCalendar(app.catalogue.config.instance.timezone, app.catalogue.config.holidays),
      ),
      analytics: new AnalyticsService(app.pool, app.catalogue),
    };
    cache.set(app, services);
  }
  return services;
}
