/** IPv4 CIDR arithmetic for the VPC layout; pure, so the allocation scheme is unit-tested. */

export interface Cidr {
  /** Network address as an unsigned 32-bit integer. */
  readonly base: number;
  readonly prefix: number;
}

const CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/** Parses `a.b.c.d/n`; undefined unless it is a valid network address (no host bits set). */
export function parseCidr(text: string): Cidr | undefined {
  const m = CIDR.exec(text.trim());
  if (!m) return undefined;
  const octets = m.slice(1, 5).map(Number);
  const prefix = Number(m[5]);
  if (octets.some((o) => o > 255) || prefix > 32) return undefined;
  const base = octets.reduce((n, o) => n * 256 + o, 0);
  const size = 2 ** (32 - prefix);
  if (base % size !== 0) return undefined;
  return { base, prefix };
}

export function formatCidr(c: Cidr): string {
  const o = [24, 16, 8, 0].map((shift) => Math.floor(c.base / 2 ** shift) % 256);
  return `${o.join('.')}/${c.prefix}`;
}

/** RFC 1918 private ranges: a VPC must sit inside one of them. */
const PRIVATE = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'].map((c) => parseCidr(c) as Cidr);

export function isPrivate(c: Cidr): boolean {
  return PRIVATE.some(
    (p) =>
      c.prefix >= p.prefix &&
      Math.floor(c.base / 2 ** (32 - p.prefix)) === p.base / 2 ** (32 - p.prefix),
  );
}

/** Smallest and largest VPC the layout supports: 16 equal blocks must each hold a useful subnet. */
export const VPC_PREFIX_RANGE = { min: 16, max: 20 } as const;

/**
 * The subnet of `tier` (0 public, 1 app, 2 database) in availability zone `az` (0–2): the VPC
 * is cut into 16 equal blocks and tier `t`, zone `z` takes block `4t + z`, so a /16 gives
 * /20 subnets and a /20 gives /24 subnets; blocks 3, 7, 11 and 12–15 stay free for growth.
 */
export function subnetOf(vpc: Cidr, tier: number, az: number): Cidr {
  if (tier < 0 || tier > 2 || az < 0 || az > 2)
    throw new Error(`no subnet for tier ${tier}, AZ ${az}`);
  const prefix = vpc.prefix + 4;
  return { base: vpc.base + (tier * 4 + az) * 2 ** (32 - prefix), prefix };
}
