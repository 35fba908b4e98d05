/**
 * What the exit tablet's one field receives: the ticket code typed by hand, or what a QR scanner
 * (a keyboard to the browser) types from the receipt or the status page — the whole link,
 * `https://…/tiket/<code>` or `…/survei/<code>`. Returns the ticket code, or undefined when the
 * input holds none.
 */
export function ticketCodeFromScan(input: string): string | undefined {
  const text = input.trim();
  if (text === '' || text.length > 2048) return undefined;
  const link = /\/(?:tiket|survei)\/([\w-]{1,64})(?:[/?#]|$)/.exec(text);
  if (link) return link[1];
  return /^[\w-]{1,64}$/.test(text) ? text : undefined;
}
