import { createMemoryStore, createQueue, normalizeSite } from '@mpp-kit/queue';
import { describe, expect, it } from 'vitest';
import { demoConfigFile } from '../../../test/support/app-process.js';
import { AppError } from '../../shared/errors.js';
import { buildCatalogue, type Catalogue } from '../catalogue/catalogue.js';
import { loadConfig } from '../catalogue/load-config.js';
import { PRIORITY_CLASS, siteConfigOf } from './queue-site.js';

const catalogue = buildCatalogue(await loadConfig(demoConfigFile));

describe('siteConfigOf (the engine site from the demo catalogue)', () => {
  it('is accepted by the engine, with every service, counter and the config policy', () => {
    const site = normalizeSite(siteConfigOf(catalogue));
    const services = catalogue.agencies.flatMap((a) => a.services);
    expect(site.services.map((s) => [s.id, s.prefix])).toEqual(
      services.map((s) => [s.id, s.prefix]),
    );
    const cap = catalogue.config.queue.defaultDailyCap ?? null;
    for (const s of services) {
      expect(site.services.find((x) => x.id === s.id)?.dailyCap).toBe(s.dailyCap ?? cap);
    }
    expect(site.counters.map((c) => c.number)).toEqual(
      catalogue.config.counters.map((c) => c.number),
    );
    for (const c of site.counters) {
      expect(c.services.map((s) => s.serviceId)).toEqual(catalogue.counterServices(c.id));
    }
    expect(site.policy.priorityClasses.map((c) => c.id)).toEqual([PRIORITY_CLASS]);
    expect(site.policy.maxConsecutivePriority).toBe(catalogue.config.queue.interleave.priority);
    expect(site.policy.maxCalls).toBe(catalogue.config.queue.maxCallsBeforeSkip);
  });

  it('numbers tickets with the configured prefix and calls priority tickets first', async () => {
    const queue = createQueue({ store: createMemoryStore() });
    const site = await queue.configureSite(siteConfigOf(catalogue));
    const counter = site.counters[0];
    const serviceId = counter?.services[0]?.serviceId ?? '';
    const prefix = catalogue.service(serviceId)?.prefix;
    const regular = await queue.issue({ siteId: site.id, serviceId, channel: 'kiosk' });
    const priority = await queue.issue({
      siteId: site.id,
      serviceId,
      channel: 'online',
      priorityClass: PRIORITY_CLASS,
    });
    expect(regular.ticket?.label).toBe(`${prefix}-001`);
    const { session } = await queue.openSession({
      siteId: site.id,
      counterId: counter?.id ?? '',
      staffId: 'x',
    });
    const called = await queue.callNext({ siteId: site.id, sessionId: session?.id ?? '' });
    expect(called.ticket?.id).toBe(priority.ticket?.id);
  });

  it('refuses a time zone outside WIB, WITA and WIT in both languages', () => {
    const config = {
      ...catalogue.config,
      instance: { ...catalogue.config.instance, timezone: 'Asia/Singapore' },
    };
    const bad: Catalogue = { ...catalogue, config };
    try {
      siteConfigOf(bad);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).messageId).toContain('instance.timezone');
      expect((error as AppError).messageEn).toContain('Asia/Singapore');
    }
  });
});
