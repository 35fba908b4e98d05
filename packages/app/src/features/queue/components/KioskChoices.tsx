import { ServiceTile } from '@mpp-kit/ui';

export interface KioskServiceGroup {
  id: string;
  name: string;
  services: { id: string; name: string; href: string; unavailable?: string | undefined }[];
}

/**
 * The kiosk's service list: one `@mpp-kit/ui` `ServiceTile` link per service, grouped by
 * agency. A service that cannot take tickets now (its daily cap is reached) is shown, not
 * selectable, with the reason. Server-rendered: plain links, no JavaScript needed.
 */
export function KioskServiceList({ groups }: { groups: KioskServiceGroup[] }) {
  return (
    <>
      {groups.map((group) => (
        <section key={group.id} aria-labelledby={`k-${group.id}`}>
          <h2 id={`k-${group.id}`}>{group.name}</h2>
          <ul className="mpp-service-tile-grid">
            {group.services.map((s) => (
              <li key={s.id}>
                <ServiceTile
                  title={s.name}
                  href={s.href}
                  unavailable={Boolean(s.unavailable)}
                  meta={s.unavailable}
                />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

export interface KioskPriorityFormProps {
  csrf: string;
  serviceId: string;
  kioskId: string;
  /** Priority groups, each a large submit tile posting `priority=<value>`. */
  choices: { value: string; label: string }[];
  labelledBy: string;
}

/** One form, one `ServiceTile` submit button per priority group: works without JavaScript. */
export function KioskPriorityForm({
  csrf,
  serviceId,
  kioskId,
  choices,
  labelledBy,
}: KioskPriorityFormProps) {
  return (
    <form method="post" action="/api/tickets">
      <input type="hidden" name="_csrf" value={csrf} />
      <input type="hidden" name="serviceId" value={serviceId} />
      <input type="hidden" name="channel" value="kiosk" />
      <input type="hidden" name="kioskId" value={kioskId} />
      <ul className="mpp-service-tile-grid" aria-labelledby={labelledBy}>
        {choices.map((c) => (
          <li key={c.value}>
            <ServiceTile title={c.label} name="priority" value={c.value} />
          </li>
        ))}
      </ul>
    </form>
  );
}
