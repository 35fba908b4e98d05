// What the release rehearsal does with a running MPP over HTTP, as a citizen, an operator and a
// script would: take tickets and serve them, answer a survey, file a complaint; and afterwards
// check that all of it is still there. Every request has a time limit; every surprise throws
// with the method, path, status and the start of the body.

const REQUEST_TIMEOUT_MS = 15_000;

/** A cookie-keeping HTTP client that sends the CSRF header the app wants with a session. */
export class MppClient {
  #cookies = new Map();

  constructor(base) {
    this.base = base;
  }

  get csrf() {
    return this.#cookies.get('mpp_csrf');
  }

  async request(method, path, { json, expect = [200] } = {}) {
    const headers = {};
    if (this.#cookies.size > 0)
      headers.cookie = [...this.#cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (json !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET' && this.csrf) headers['x-csrf-token'] = this.csrf;
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers,
      body: json === undefined ? undefined : JSON.stringify(json),
      redirect: 'manual',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const eq = pair.indexOf('=');
      const value = pair.slice(eq + 1);
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(cookie))
        this.#cookies.delete(pair.slice(0, eq));
      else this.#cookies.set(pair.slice(0, eq), value);
    }
    const text = await response.text();
    if (!expect.includes(response.status))
      throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
    const isJson = (response.headers.get('content-type') ?? '').includes('json');
    return { status: response.status, text, body: isJson && text ? JSON.parse(text) : undefined };
  }

  /** Opens the sign-in page (for the CSRF cookie) and signs in. */
  async signIn(username, password) {
    await this.request('GET', '/loket/masuk');
    await this.request('POST', '/api/staff/login', { json: { username, password } });
  }
}

const check = (condition, message) => {
  if (!condition) throw new Error(message);
};

/** The service row of the open IKM figures (this month), or zero respondents. */
async function respondents(client, serviceId) {
  const { body } = await client.request('GET', '/api/open-data/ikm.json');
  return body.find((r) => r.level === 'service' && r.serviceId === serviceId)?.respondents ?? 0;
}

/**
 * Takes two tickets for the service of the first loket, serves the first (operator of that
 * agency: choose the counter, call next, start, then call next again, which finishes it and calls
 * the second), answers the survey of the served ticket and files a complaint. Returns what a
 * later check needs.
 * @param {string} base the app's URL
 * @param {{ loket: { number: number, tenant: string, services: string[] }, logins: { username: string, password: string }[], unsurCodes: readonly string[] }} options
 */
export async function useTheMpp(base, { loket, logins, unsurCodes }) {
  const citizen = new MppClient(base);
  const { body: services } = await citizen.request('GET', '/api/services');
  const code = loket.services[0];
  const local = code.slice(code.indexOf('.') + 1);
  const service = services.find(
    (s) => s.agencyId === loket.tenant && (s.id === local || s.id === code.replaceAll('.', '_')),
  );
  check(service, `service ${code} of loket ${loket.number} is not in /api/services`);
  const tickets = [];
  for (let i = 0; i < 2; i++) {
    const { body } = await citizen.request('POST', '/api/tickets', {
      json: { serviceId: service.id },
      expect: [201],
    });
    tickets.push(body.ticket);
  }

  const operatorName = `operator-${loket.tenant}`;
  const operator = logins.find((l) => l.username === operatorName);
  check(operator, `data/demo-logins.json has no ${operatorName}`);
  const staff = new MppClient(base);
  await staff.signIn(operator.username, operator.password);
  const counterId = `loket-${String(loket.number).padStart(2, '0')}`;
  await staff.request('POST', '/api/staff/counter', { json: { counterId } });
  const first = await staff.request('POST', `/api/staff/counters/${counterId}/call-next`, {
    json: {},
  });
  check(
    first.body.ticket?.number === tickets[0].number,
    `call-next called ${first.body.ticket?.number}, not the first ticket ${tickets[0].number}`,
  );
  await staff.request('POST', `/api/staff/tickets/${first.body.ticket.id}/start`, { json: {} });
  await staff.request('POST', `/api/staff/tickets/${first.body.ticket.id}/finish`, { json: {} });
  const second = await staff.request('POST', `/api/staff/counters/${counterId}/call-next`, {
    json: {},
  });
  check(second.body.ticket?.number === tickets[1].number, 'the second ticket was not called next');

  const before = await respondents(citizen, service.id);
  await citizen.request('POST', `/api/survey/${tickets[0].code}`, {
    json: Object.fromEntries(unsurCodes.map((u) => [`u_${u}`, 3])),
    expect: [201],
  });
  const after = await respondents(citizen, service.id);
  check(after === before + 1, `the survey was not counted (${before} → ${after} respondents)`);

  const complaint = await citizen.request('POST', '/api/complaints', {
    json: {
      category: 'pelayanan',
      agencyId: loket.tenant,
      description:
        'Gladi rilis: antrean berjalan, pengaduan ini harus tetap ada setelah pembaruan.',
      contactEmail: 'warga@rehearsal.example',
    },
    expect: [201],
  });
  return {
    serviceId: service.id,
    tickets: tickets.map((t) => ({ code: t.code, number: t.number })),
    statuses: ['served', 'called'],
    respondents: after,
    complaint: complaint.body.trackingCode,
  };
}

/** Checks that the tickets, the survey answer and the complaint of {@link useTheMpp} are there. */
export async function checkWhatWasDone(base, done) {
  const citizen = new MppClient(base);
  for (const [i, ticket] of done.tickets.entries()) {
    const { body } = await citizen.request('GET', `/api/tickets/${ticket.code}`);
    check(
      body.ticket.number === ticket.number && body.ticket.status === done.statuses[i],
      `ticket ${ticket.code}: ${body.ticket.number} ${body.ticket.status}, expected ${ticket.number} ${done.statuses[i]}`,
    );
    const page = await citizen.request('GET', `/tiket/${ticket.code}`);
    check(
      page.text.includes(ticket.number),
      `/tiket/${ticket.code} does not show ${ticket.number}`,
    );
  }
  const survey = await citizen.request('GET', `/survei/${done.tickets[0].code}`);
  check(
    survey.text.includes('data-state="answered"'),
    `/survei/${done.tickets[0].code} no longer knows the survey was answered`,
  );
  const counted = await respondents(citizen, done.serviceId);
  check(
    counted === done.respondents,
    `IKM respondents of ${done.serviceId}: ${counted}, expected ${done.respondents}`,
  );
  const { body } = await citizen.request('GET', `/api/complaints/${done.complaint}`);
  check(body.trackingCode === done.complaint, `complaint ${done.complaint} is not tracked`);
}

/** The home page, the hours page and the HTML of both, for the marker checks. */
export async function pages(base) {
  const citizen = new MppClient(base);
  return {
    home: (await citizen.request('GET', '/')).text,
    hours: (await citizen.request('GET', '/jam-layanan')).text,
  };
}
