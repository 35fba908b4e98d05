// The VPC layout comes from each stack's range (no shared hard-coded range), and the WAF's
// rate limits from the traffic model.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCidr, isPrivate, parseCidr, subnetOf } from '../src/spec/cidr.js';
import { SIZE_PROFILES } from '../src/spec/profiles.js';
import { rateLimitsOf, TRAFFIC } from '../src/spec/traffic.js';

describe('VPC layout from the stack range', () => {
  it('cuts a /16 into the /20 subnets the program has always used, and a /20 into /24s', () => {
    const vpc16 = parseCidr('10.40.0.0/16');
    const vpc20 = parseCidr('10.61.16.0/20');
    if (!vpc16 || !vpc20) throw new Error('parse failed');
    expect(formatCidr(subnetOf(vpc16, 1, 2))).toBe('10.40.96.0/20');
    expect(formatCidr(subnetOf(vpc20, 0, 0))).toBe('10.61.16.0/24');
    expect(formatCidr(subnetOf(vpc20, 2, 2))).toBe('10.61.26.0/24');
  });

  it('rejects host bits, out-of-range octets and public ranges', () => {
    expect(parseCidr('10.0.0.1/16')).toBeUndefined();
    expect(parseCidr('10.300.0.0/16')).toBeUndefined();
    const publicRange = parseCidr('8.8.0.0/16');
    expect(publicRange && isPrivate(publicRange)).toBe(false);
    const wide = parseCidr('172.0.0.0/8');
    expect(wide && isPrivate(wide)).toBe(false);
    const inside = parseCidr('172.31.0.0/16');
    expect(inside && isPrivate(inside)).toBe(true);
  });

  it('gives nine disjoint subnets inside the VPC for any /16–/20 range', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 24 - 1 }),
        fc.integer({ min: 16, max: 20 }),
        (n, prefix) => {
          const size = 2 ** (32 - prefix);
          const vpc = { base: 10 * 2 ** 24 + ((n * size) % 2 ** 24), prefix };
          const subnets = [0, 1, 2].flatMap((t) => [0, 1, 2].map((z) => subnetOf(vpc, t, z)));
          const starts = subnets.map((s) => s.base);
          expect(new Set(starts).size).toBe(9);
          for (const s of subnets) {
            expect(s.prefix).toBe(prefix + 4);
            expect(s.base).toBeGreaterThanOrEqual(vpc.base);
            expect(s.base + 2 ** (32 - s.prefix)).toBeLessThanOrEqual(vpc.base + size);
            expect(parseCidr(formatCidr(s))).toEqual(s);
          }
        },
      ),
    );
  });
});

describe('WAF rate limits from the traffic model', () => {
  it('gives a citizen address room for a few heavy users behind carrier NAT', () => {
    for (const profile of Object.values(SIZE_PROFILES)) {
      expect(rateLimitsOf(profile).perAddress).toBe(
        TRAFFIC.requestsPerPersonPer5Min * TRAFFIC.peoplePerAddress,
      );
    }
  });

  it("lets the MPP building carry all its devices at the profile's peak, with headroom", () => {
    for (const profile of Object.values(SIZE_PROFILES)) {
      const { office, perAddress } = rateLimitsOf(profile);
      const peak =
        ((profile.visitorsPerDay * TRAFFIC.requestsPerVisitor) / (TRAFFIC.openHoursPerDay * 12)) *
        TRAFFIC.peakFactor;
      expect(office).toBeGreaterThanOrEqual(peak * TRAFFIC.officeHeadroom);
      expect(office).toBeGreaterThan(perAddress);
    }
    expect(rateLimitsOf(SIZE_PROFILES.medium).office).toBe(19000);
  });
});
