-- @mpp-kit/queue schema. Times are epoch milliseconds (bigint) so both stores compare
-- the same integers; service days are local calendar dates of the site.

CREATE TABLE IF NOT EXISTS mpp_queue_sites (
  id text PRIMARY KEY,
  config jsonb NOT NULL,
  -- Last outbox sequence number of the site. Updated in the same transaction as
  -- the change, as its last write, so the sequence is gap-free in commit order.
  event_seq bigint NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE SEQUENCE IF NOT EXISTS mpp_queue_issue_order;

CREATE TABLE IF NOT EXISTS mpp_queue_numbers (
  site_id text NOT NULL REFERENCES mpp_queue_sites (id),
  service_id text NOT NULL,
  service_day date NOT NULL,
  last_number integer NOT NULL,
  issued integer NOT NULL,
  PRIMARY KEY (site_id, service_id, service_day)
);

CREATE TABLE IF NOT EXISTS mpp_queue_tickets (
  id uuid PRIMARY KEY,
  site_id text NOT NULL REFERENCES mpp_queue_sites (id),
  service_id text NOT NULL,
  agency_id text NOT NULL,
  service_day date NOT NULL,
  number_service_id text NOT NULL,
  sequence integer NOT NULL,
  label text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('kiosk', 'reception', 'online')),
  priority_class text,
  class_rank integer NOT NULL,
  band text NOT NULL CHECK (band IN ('appointment', 'walk-in')),
  booking_id text,
  appointment_slot_at bigint,
  status text NOT NULL CHECK (
    status IN ('waiting', 'called', 'serving', 'served', 'no-show', 'cancelled', 'transferred', 'parked')
  ),
  issued_at bigint NOT NULL,
  arrival_at bigint NOT NULL,
  order_at bigint NOT NULL,
  callable_at bigint NOT NULL,
  called_at bigint,
  last_called_at bigint,
  serving_at bigint,
  finished_at bigint,
  call_count integer NOT NULL,
  counter_id text,
  session_id uuid,
  parent_id uuid REFERENCES mpp_queue_tickets (id),
  root_id uuid NOT NULL,
  issue_order bigint NOT NULL,
  updated_at bigint NOT NULL
);

-- Numbers are unique per service and service day (transfer children reuse their parent's).
CREATE UNIQUE INDEX IF NOT EXISTS mpp_queue_tickets_number
  ON mpp_queue_tickets (site_id, number_service_id, service_day, sequence)
  WHERE parent_id IS NULL;

-- A counter holds at most one ticket: enforced by the database as a last line of defence.
CREATE UNIQUE INDEX IF NOT EXISTS mpp_queue_tickets_one_active_per_counter
  ON mpp_queue_tickets (site_id, counter_id)
  WHERE status IN ('called', 'serving');

-- Call-next reads the first tickets of each (service, class, band) group from here.
CREATE INDEX IF NOT EXISTS mpp_queue_tickets_waiting
  ON mpp_queue_tickets (site_id, service_id, class_rank, band, order_at, issue_order)
  WHERE status = 'waiting';

CREATE INDEX IF NOT EXISTS mpp_queue_tickets_day ON mpp_queue_tickets (site_id, service_day);

CREATE INDEX IF NOT EXISTS mpp_queue_tickets_served
  ON mpp_queue_tickets (site_id, service_id, finished_at DESC)
  WHERE status = 'served';

CREATE TABLE IF NOT EXISTS mpp_queue_counters (
  site_id text NOT NULL REFERENCES mpp_queue_sites (id),
  counter_id text NOT NULL,
  active_ticket_id uuid,
  priority_streak integer NOT NULL DEFAULT 0,
  PRIMARY KEY (site_id, counter_id)
);

CREATE TABLE IF NOT EXISTS mpp_queue_sessions (
  id uuid PRIMARY KEY,
  site_id text NOT NULL REFERENCES mpp_queue_sites (id),
  counter_id text NOT NULL,
  staff_id text NOT NULL,
  service_weights jsonb NOT NULL,
  opened_at bigint NOT NULL,
  closed_at bigint
);

CREATE UNIQUE INDEX IF NOT EXISTS mpp_queue_sessions_one_open_per_counter
  ON mpp_queue_sessions (site_id, counter_id)
  WHERE closed_at IS NULL;

CREATE TABLE IF NOT EXISTS mpp_queue_events (
  site_id text NOT NULL REFERENCES mpp_queue_sites (id),
  seq bigint NOT NULL,
  type text NOT NULL,
  at bigint NOT NULL,
  body jsonb NOT NULL,
  PRIMARY KEY (site_id, seq)
);

CREATE TABLE IF NOT EXISTS mpp_queue_idempotency (
  site_id text NOT NULL REFERENCES mpp_queue_sites (id),
  key text NOT NULL,
  fingerprint text NOT NULL,
  first_seq bigint NOT NULL,
  event_count integer NOT NULL,
  PRIMARY KEY (site_id, key)
);
