import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { InvalidInput, MAX_JSON_DEPTH, readBody } from './body.js';

const schema = z.object({
  serviceId: z.string().min(1).max(20),
  priority: z.enum(['regular', 'elderly']).default('regular'),
  phone: z
    .string()
    .regex(/^08\d{8,11}$/)
    .optional(),
});

const asJson = (body: unknown) =>
  new Request('http://mpp.test/api', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
const asForm = (fields: Record<string, string>) =>
  new Request('http://mpp.test/api', { method: 'POST', body: new URLSearchParams(fields) });

async function refusal(read: Promise<unknown>): Promise<InvalidInput> {
  const error = await read.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InvalidInput);
  return error as InvalidInput;
}

describe('readBody: one way to read a form or JSON body', () => {
  it('gives a form and the same JSON the same answer, valid or 400 naming the same fields', async () => {
    const text = fc.oneof(
      fc.string({ maxLength: 25 }),
      fc.constantFrom('regular', 'elderly', '0812345678', 'ktp-el'),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          { serviceId: text, priority: text, phone: text, extra: text },
          { requiredKeys: [] },
        ),
        async (fields) => {
          // a form cannot send an empty field apart from a missing one: both mean "not given"
          const sent = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== ''));
          const outcome = (p: Promise<unknown>) =>
            p.then(
              (value) => ({ ok: true, value }),
              (e: unknown) => ({
                ok: false,
                paths: (e as InvalidInput).issues.map((i) => i.path).sort(),
              }),
            );
          const fromForm = await outcome(readBody(asForm(sent), schema));
          const fromJson = await outcome(readBody(asJson(sent), schema));
          expect(fromForm).toEqual(fromJson);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('names each refused field in Indonesian and English', async () => {
    const error = await refusal(readBody(asJson({ priority: 'vip', phone: '12' }), schema));
    expect(error.status).toBe(400);
    expect(error.issues.map((i) => i.path).sort()).toEqual(['phone', 'priority', 'serviceId']);
    expect(error.messageId).toMatch(/^Masukan tidak valid: .*serviceId/);
    expect(error.messageEn).toMatch(/^Invalid input: .*serviceId/);
  });

  it('refuses a NUL character, naming the field, in a form, in JSON and in a key', async () => {
    expect(
      (await refusal(readBody(asForm({ serviceId: 'a\u0000b' }), schema))).issues[0]?.path,
    ).toBe('serviceId');
    const nested = { serviceId: 'x', list: [{ note: 'ok' }, { note: 'bad\u0000' }] };
    expect((await refusal(readBody(asJson(nested), z.unknown()))).issues[0]?.path).toBe(
      'list.1.note',
    );
    expect((await refusal(readBody(asJson({ 'k\u0000': 1 }), z.unknown()))).issues[0]?.path).toBe(
      '(body)',
    );
  });

  it('refuses JSON nested past the limit, however deep, without exhausting the stack', async () => {
    for (const depth of [MAX_JSON_DEPTH + 1, 10_000, 200_000]) {
      const text = `${'['.repeat(depth)}${']'.repeat(depth)}`;
      const error = await refusal(readBody(asJson(text), z.unknown()));
      expect(error.issues[0]?.message).toMatch(/nested deeper than/);
    }
    await expect(
      readBody(asJson(`${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`), z.unknown()),
    ).resolves.toBeDefined();
  });

  it('refuses a body that is not JSON or a form, with the reason', async () => {
    expect((await refusal(readBody(asJson('{not json'), schema))).issues[0]?.message).toMatch(
      /invalid JSON/,
    );
    const xml = new Request('http://mpp.test/api', {
      method: 'POST',
      headers: { 'content-type': 'application/xml' },
      body: '<a/>',
    });
    expect((await refusal(readBody(xml, schema))).issues[0]?.path).toBe('(body)');
  });
});
