-- A read model of the engine's tables for applications (decision 0039): they read tickets and
-- events through these views and never keep a copy of ticket state of their own.

-- Visits are looked up by their first ticket's id, and a ticket's transfer child by its parent.
CREATE INDEX IF NOT EXISTS mpp_queue_tickets_root ON mpp_queue_tickets (root_id);
CREATE INDEX IF NOT EXISTS mpp_queue_tickets_parent ON mpp_queue_tickets (parent_id)
  WHERE parent_id IS NOT NULL;

-- One row per visit: a ticket and the tickets it was transferred into, as the citizen sees it.
-- `id` is the first ticket's id (what a printed ticket or a status link refers to); the other
-- columns are the current ticket's, the last of the lineage (the one no transfer left). Status
-- in the engine's vocabulary; times as timestamptz (the tables keep epoch milliseconds);
-- `issued_at` is when the visit's first ticket was issued.
CREATE OR REPLACE VIEW mpp_queue_visits AS
SELECT
  t.root_id AS id,
  t.id AS ticket_id,
  t.site_id,
  t.service_id,
  t.agency_id,
  t.service_day,
  t.sequence,
  t.label,
  t.channel,
  t.priority_class,
  t.status,
  t.counter_id,
  GREATEST(t.call_count - 1, 0) AS recall_count,
  to_timestamp(
    CASE WHEN t.parent_id IS NULL THEN t.issued_at
      ELSE (SELECT r.issued_at FROM mpp_queue_tickets r WHERE r.id = t.root_id) END / 1000.0
  ) AS issued_at,
  to_timestamp(t.last_called_at / 1000.0) AS called_at,
  to_timestamp(t.serving_at / 1000.0) AS serving_at,
  to_timestamp(t.finished_at / 1000.0) AS finished_at
FROM mpp_queue_tickets t
WHERE NOT EXISTS (SELECT 1 FROM mpp_queue_tickets c WHERE c.parent_id = t.id);

-- The outbox's ticket events with the fields screens filter and show, in sequence order per
-- site. `visit_id` is the visit's id (see mpp_queue_visits).
CREATE OR REPLACE VIEW mpp_queue_ticket_events AS
SELECT
  e.site_id,
  e.seq,
  e.type,
  to_timestamp(e.at / 1000.0) AS at,
  (e.body -> 'ticket' ->> 'id')::uuid AS ticket_id,
  (e.body -> 'ticket' ->> 'rootId')::uuid AS visit_id,
  (e.body -> 'ticket' ->> 'parentId')::uuid AS parent_id,
  e.body -> 'ticket' ->> 'agencyId' AS agency_id,
  e.body -> 'ticket' ->> 'serviceId' AS service_id,
  e.body -> 'ticket' ->> 'label' AS label,
  e.body -> 'ticket' ->> 'counterId' AS counter_id,
  e.body -> 'ticket' ->> 'channel' AS channel,
  (e.body -> 'ticket' ->> 'issuedAt')::bigint AS issued_at_ms
FROM mpp_queue_events e
WHERE e.type LIKE 'ticket.%';

-- Imports closed tickets kept outside the engine (an application's own history from before it
-- used the engine, or generated demo history) as engine tickets, so every reader reads one
-- table. Each element of `p_tickets`: {id, serviceId, agencyId, serviceDay, sequence, label,
-- channel, priorityClass, status, issuedAt, calledAt, servingAt, finishedAt, counterId,
-- callCount} with times in epoch ms. Only final states are accepted (served, no-show,
-- cancelled, transferred): the engine never calls an imported ticket. They were numbered
-- outside the engine, so they are numbered in a series of their own (`@import/<service>`) and
-- never collide with the engine's numbers. Ids already present are left as they are. Creates
-- the site row (configuration to follow from configureSite) when the site was never saved.
-- Returns the number of tickets imported.
CREATE OR REPLACE FUNCTION mpp_queue_import_tickets(p_site text, p_tickets jsonb) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  v_count integer;
  v_bad text;
BEGIN
  SELECT x ->> 'status' INTO v_bad FROM jsonb_array_elements(p_tickets) AS x
  WHERE x ->> 'status' IS NULL OR x ->> 'status' NOT IN ('served', 'no-show', 'cancelled', 'transferred')
  LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'mpp_queue_import_tickets: status must be served, no-show, cancelled or transferred, not %',
      COALESCE(v_bad, 'null') USING ERRCODE = '22023';
  END IF;
  INSERT INTO mpp_queue_sites (id, config) VALUES (p_site, '{}'::jsonb) ON CONFLICT (id) DO NOTHING;
  INSERT INTO mpp_queue_tickets (
    id, site_id, service_id, agency_id, service_day, number_service_id, sequence, label, channel,
    priority_class, class_rank, band, booking_id, appointment_slot_at, status, issued_at, arrival_at,
    order_at, callable_at, called_at, last_called_at, serving_at, finished_at, call_count,
    counter_id, session_id, parent_id, root_id, issue_order, updated_at)
  SELECT x.id, p_site, x."serviceId", x."agencyId", x."serviceDay", '@import/' || x."serviceId",
    x.sequence, x.label, x.channel, x."priorityClass",
    CASE WHEN x."priorityClass" IS NULL THEN 1 ELSE 0 END, 'walk-in', NULL, NULL, x.status,
    x."issuedAt", x."issuedAt", x."issuedAt", x."issuedAt", x."calledAt", x."calledAt",
    x."servingAt", x."finishedAt", COALESCE(x."callCount", CASE WHEN x."calledAt" IS NULL THEN 0 ELSE 1 END),
    x."counterId", NULL, NULL, x.id, nextval('mpp_queue_issue_order'),
    GREATEST(x."issuedAt", COALESCE(x."finishedAt", x."servingAt", x."calledAt", x."issuedAt"))
  FROM jsonb_to_recordset(p_tickets) AS x(
    id uuid, "serviceId" text, "agencyId" text, "serviceDay" date, sequence integer, label text,
    channel text, "priorityClass" text, status text, "issuedAt" bigint, "calledAt" bigint,
    "servingAt" bigint, "finishedAt" bigint, "counterId" text, "callCount" integer)
  ON CONFLICT (id) DO NOTHING;
  GET DIAGNOSTICS v_count = ROW_COUNT;
  RETURN v_count;
END;
$$;
