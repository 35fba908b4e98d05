/**
 * Formats a ticket number as shown on the ticket, the board and spoken by the
 * announcer: the service prefix followed by the number zero-padded to three digits
 * (`A-012`), wider when the number needs it.
 */
export function formatTicketNumber(prefix: string, sequence: number): string {
  if (!/^[A-Z]{1,3}$/.test(prefix)) {
    throw new RangeError(
      `prefix harus 1–3 huruf kapital / prefix must be 1–3 capital letters (got "${prefix}")`,
    );
  }
  if (!Number.isInteger(sequence) || sequence < 1) {
    throw new RangeError(
      `nomor harus bilangan bulat ≥ 1 / sequence must be a whole number ≥ 1 (got ${sequence})`,
    );
  }
  return `${prefix}-${String(sequence).padStart(3, '0')}`;
}
