import type { SizeProfile } from './profiles.js';

/**
 * The traffic model the WAF's rate limits are sized from. WAF counts requests per source
 * address over 5-minute windows at CloudFront, cached assets included.
 */
export const TRAFFIC = {
  /** Requests per visitor-day: the citizen's own pages plus the kiosk, board and counter calls. */
  requestsPerVisitor: 150,
  /** Opening hours per day over which the visitors spread. */
  openHoursPerDay: 8,
  /** The busiest 5 minutes against the day's average (queues form at opening and after lunch). */
  peakFactor: 3,
  /** One person browsing hard: ~20 page views of ~15 requests each in 5 minutes. */
  requestsPerPersonPer5Min: 300,
  /**
   * People behind one public address: Indonesian mobile networks put many subscribers behind
   * carrier-grade NAT, and a family or an office shares a home router.
   */
  peoplePerAddress: 5,
  /** Headroom on the MPP building's limit for an unusual day. */
  officeHeadroom: 2,
} as const;

export interface RateLimits {
  /** Per address outside the MPP building, per 5 minutes. */
  readonly perAddress: number;
  /** Per address of the MPP building (kiosks, boards, counters behind one NAT), per 5 minutes. */
  readonly office: number;
}

const roundUp = (n: number, step: number) => Math.ceil(n / step) * step;

/**
 * WAF rate limits: a citizen's address gets what a few heavy users need; the MPP building's
 * addresses carry all of its devices at the profile's peak, with headroom, in their own rule,
 * so a queue at opening time never locks the kiosks and boards out.
 */
export function rateLimitsOf(profile: SizeProfile): RateLimits {
  const windowsPerDay = TRAFFIC.openHoursPerDay * 12;
  const peak5Min =
    ((profile.visitorsPerDay * TRAFFIC.requestsPerVisitor) / windowsPerDay) * TRAFFIC.peakFactor;
  return {
    perAddress: TRAFFIC.requestsPerPersonPer5Min * TRAFFIC.peoplePerAddress,
    office: roundUp(peak5Min * TRAFFIC.officeHeadroom, 500),
  };
}
