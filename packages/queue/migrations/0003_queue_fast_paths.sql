-- Cheaper call-next and command writes (decisions 0035, 0036).
--
-- 1. The parts of a site's configuration that call-next needs live in columns of the
--    site and counter rows, written by saveSite (mpp_queue_save_site), so call-next no
--    longer receives and parses the whole counter map as a jsonb argument on every call.
-- 2. mpp_queue_call_next takes only the site, sessions, times and idempotency keys (several
--    calls of one site at once); its statements keep one generic plan per connection
--    instead of planning the candidate query again on every call.
-- 3. mpp_queue_flush holds the generic transaction's final write (plan cached per
--    connection instead of parsing and planning a large CTE on every command).

ALTER TABLE mpp_queue_sites
  ADD COLUMN IF NOT EXISTS class_count integer NOT NULL DEFAULT 0,
  -- The (class rank, band) groups call-next reads heads from, as two parallel arrays.
  ADD COLUMN IF NOT EXISTS group_ranks integer[] NOT NULL DEFAULT '{}',
  ADD COLUMN IF NOT EXISTS group_bands text[] NOT NULL DEFAULT '{}',
  ADD COLUMN IF NOT EXISTS max_consecutive integer,
  ADD COLUMN IF NOT EXISTS max_wait_ms bigint,
  ADD COLUMN IF NOT EXISTS aging_ms bigint;

-- From the site's configuration, for call-next: the counter's number and name (NULL:
-- the counter is no longer configured) and the services it calls, with the counter's
-- routing weight and the service queue's weight, as parallel arrays.
ALTER TABLE mpp_queue_counters
  ADD COLUMN IF NOT EXISTS number integer,
  ADD COLUMN IF NOT EXISTS name text,
  ADD COLUMN IF NOT EXISTS services text[] NOT NULL DEFAULT '{}',
  ADD COLUMN IF NOT EXISTS counter_weights float8[] NOT NULL DEFAULT '{}',
  ADD COLUMN IF NOT EXISTS service_weights float8[] NOT NULL DEFAULT '{}';

-- Outbox rows are only written by mpp_queue_call_next and mpp_queue_flush, in the same
-- statement that updates their site's row; the foreign key check (a locking read of the
-- site row per event) guards nothing more and costs every command.
ALTER TABLE mpp_queue_events DROP CONSTRAINT IF EXISTS mpp_queue_events_site_id_fkey;

-- Saves a site's configuration (a normalized Site as jsonb) and everything derived
-- from it. Lock order as in every command: counters, then tickets, then the site row.
CREATE OR REPLACE FUNCTION mpp_queue_save_site(p_site text, p_config jsonb) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  v_classes text[] := ARRAY(
    SELECT c ->> 'id' FROM jsonb_array_elements(p_config -> 'policy' -> 'priorityClasses') WITH ORDINALITY AS x(c, i)
    ORDER BY i);
BEGIN
  INSERT INTO mpp_queue_sites (id, config) VALUES (p_site, p_config) ON CONFLICT (id) DO NOTHING;

  WITH routes AS (
    -- A service listed twice at one counter: the last entry counts (as in the TypeScript Map).
    SELECT DISTINCT ON (c ->> 'id', cs ->> 'serviceId')
      c ->> 'id' AS counter_id, cs ->> 'serviceId' AS service_id,
      COALESCE((cs ->> 'weight')::float8, 0) AS counter_weight,
      COALESCE((SELECT (s ->> 'weight')::float8 FROM jsonb_array_elements(p_config -> 'services') AS s
                WHERE s ->> 'id' = cs ->> 'serviceId' LIMIT 1), 0) AS service_weight
    FROM jsonb_array_elements(p_config -> 'counters') AS c
    CROSS JOIN jsonb_array_elements(c -> 'services') WITH ORDINALITY AS x(cs, i)
    ORDER BY c ->> 'id', cs ->> 'serviceId', i DESC
  ), configured AS (
    SELECT c ->> 'id' AS counter_id, (c ->> 'number')::integer AS number, c ->> 'name' AS name,
      COALESCE(ARRAY(SELECT r.service_id FROM routes r WHERE r.counter_id = c ->> 'id' ORDER BY r.service_id), '{}') AS services,
      COALESCE(ARRAY(SELECT r.counter_weight FROM routes r WHERE r.counter_id = c ->> 'id' ORDER BY r.service_id), '{}') AS counter_weights,
      COALESCE(ARRAY(SELECT r.service_weight FROM routes r WHERE r.counter_id = c ->> 'id' ORDER BY r.service_id), '{}') AS service_weights
    FROM jsonb_array_elements(p_config -> 'counters') AS c
  )
  INSERT INTO mpp_queue_counters AS m (site_id, counter_id, number, name, services, counter_weights, service_weights)
  SELECT p_site, counter_id, number, name, services, counter_weights, service_weights FROM configured
  ON CONFLICT (site_id, counter_id) DO UPDATE SET number = EXCLUDED.number, name = EXCLUDED.name,
    services = EXCLUDED.services, counter_weights = EXCLUDED.counter_weights,
    service_weights = EXCLUDED.service_weights
  WHERE (m.number, m.name, m.services, m.counter_weights, m.service_weights)
    IS DISTINCT FROM (EXCLUDED.number, EXCLUDED.name, EXCLUDED.services, EXCLUDED.counter_weights,
      EXCLUDED.service_weights);
  UPDATE mpp_queue_counters SET number = NULL, name = NULL, services = '{}', counter_weights = '{}',
    service_weights = '{}'
  WHERE site_id = p_site AND number IS NOT NULL
    AND counter_id NOT IN (SELECT c ->> 'id' FROM jsonb_array_elements(p_config -> 'counters') AS c);

  -- Class ranks of waiting tickets follow the new policy.
  UPDATE mpp_queue_tickets
  SET class_rank = COALESCE(array_position(v_classes, priority_class) - 1, cardinality(v_classes))
  WHERE site_id = p_site AND status = 'waiting'
    AND class_rank IS DISTINCT FROM COALESCE(array_position(v_classes, priority_class) - 1, cardinality(v_classes));

  UPDATE mpp_queue_sites SET
    config = p_config,
    class_count = cardinality(v_classes),
    group_ranks = ARRAY(SELECT r FROM generate_series(0, cardinality(v_classes)) AS r, generate_series(1, 2) ORDER BY r),
    group_bands = ARRAY(SELECT b FROM generate_series(0, cardinality(v_classes)) AS r,
      unnest('{appointment,walk-in}'::text[]) AS b ORDER BY r, b),
    max_consecutive = (p_config -> 'policy' ->> 'maxConsecutivePriority')::integer,
    max_wait_ms = (p_config -> 'policy' ->> 'maxWaitSeconds')::bigint * 1000,
    aging_ms = (p_config -> 'policy' ->> 'agingStepSeconds')::bigint * 1000,
    updated_at = now()
  WHERE id = p_site;
END;
$$;

-- Sites saved before this migration: derive the new columns and rows now.
SELECT mpp_queue_save_site(id, config) FROM mpp_queue_sites;

DROP FUNCTION IF EXISTS mpp_queue_call_next(text, uuid, bigint, jsonb, jsonb, integer, integer, bigint, bigint, text, text);

-- Call-next for one or more staff sessions of one site, in one statement (one round
-- trip, committed right after), so that calls arriving together at a busy site share
-- one commit (decision 0036). For each session, in array order: lock the counter, rank
-- the first callable tickets of each (service, class, band) group with the same key as
-- the TypeScript core (src/core/ordering.ts) and claim the best one with FOR UPDATE
-- SKIP LOCKED and a status re-check, update ticket and counter. Then, last, take the
-- outbox sequence numbers for all announcement events at once and append them.
-- Returns a jsonb array with one result per session: {"refused": code, …},
-- {"replay": true, …}, {"ticket": null} or {"seq": n, "event": {…}}.
CREATE OR REPLACE FUNCTION mpp_queue_call_next(
  p_site text,
  p_sessions uuid[],
  p_nows bigint[],
  p_keys text[],
  p_fingerprints text[]
) RETURNS jsonb
LANGUAGE plpgsql
-- One plan per statement and connection, made once: the planner would otherwise plan
-- the candidate query again on every call (its custom plans look cheaper on paper).
SET plan_cache_mode = force_generic_plan
AS $$
DECLARE
  v record;
  v_now bigint;
  v_key text;
  v_force boolean;
  v_k integer;
  v_t mpp_queue_tickets;
  v_heads integer;
  v_event jsonb;
  v_idem record;
  v_results jsonb[] := '{}';
  v_events jsonb := '[]';
  v_event_of integer[] := '{}';  -- per session: ordinal of its event (1-based), or 0
  v_count integer := 0;
  v_keyed boolean := false;
  -- Counters that claimed a ticket in this batch, with the ticket and their new streak.
  v_counters text[] := '{}';
  v_tickets uuid[] := '{}';
  v_streaks integer[] := '{}';
  v_base bigint;
  i integer;
BEGIN
  FOR i IN 1 .. cardinality(p_sessions) LOOP
    v_now := p_nows[i];
    v_key := p_keys[i];
    v_event_of := v_event_of || 0;
    <<one>>
    BEGIN
      IF v_key IS NOT NULL THEN
        SELECT fingerprint, first_seq, event_count INTO v_idem
        FROM mpp_queue_idempotency WHERE site_id = p_site AND key = v_key;
        IF FOUND THEN
          v_results := v_results || jsonb_build_object('replay', true, 'fingerprint', v_idem.fingerprint,
            'firstSeq', v_idem.first_seq, 'count', v_idem.event_count);
          EXIT one;
        END IF;
      END IF;

      SELECT s.id, s.counter_id, s.service_weights AS session_weights, s.closed_at, c.active_ticket_id,
        c.priority_streak, c.number, c.name, c.services, c.counter_weights, c.service_weights,
        st.class_count, st.group_ranks, st.group_bands, st.max_consecutive, st.max_wait_ms, st.aging_ms
      INTO v
      FROM mpp_queue_sessions s
      JOIN mpp_queue_counters c ON c.site_id = s.site_id AND c.counter_id = s.counter_id
      JOIN mpp_queue_sites st ON st.id = s.site_id
      WHERE s.id = p_sessions[i] AND s.site_id = p_site
      FOR UPDATE OF c;
      IF NOT FOUND THEN
        v_results := v_results || jsonb_build_object('refused', 'unknown-session');
        EXIT one;
      END IF;
      IF v.closed_at IS NOT NULL THEN
        v_results := v_results || jsonb_build_object('refused', 'session-closed');
        EXIT one;
      END IF;
      IF v.active_ticket_id IS NOT NULL OR v.counter_id = ANY (v_counters) THEN
        v_results := v_results || jsonb_build_object('refused', 'counter-busy', 'counterId', v.counter_id,
          'ticketId', COALESCE(v.active_ticket_id, v_tickets[array_position(v_counters, v.counter_id)])::text);
        EXIT one;
      END IF;
      IF v.number IS NULL THEN
        v_results := v_results || jsonb_build_object('refused', 'unknown-counter', 'counterId', v.counter_id);
        EXIT one;
      END IF;

      -- Normal tickets first after max_consecutive priority calls in a row, if one is callable.
      v_force := false;
      IF v.max_consecutive IS NOT NULL AND v.priority_streak >= v.max_consecutive THEN
        v_force := EXISTS (
          SELECT 1 FROM mpp_queue_tickets t
          WHERE t.site_id = p_site AND t.service_id = ANY (v.services) AND t.status = 'waiting'
            AND t.class_rank = v.class_count AND t.priority_class IS NULL AND t.callable_at <= v_now
        );
      END IF;

      v_k := 4;
      LOOP
        -- Claim: heads of every group, ranked; the first one not locked by another caller
        -- and still waiting on its newest version is updated at once.
        UPDATE mpp_queue_tickets SET
          status = 'called', counter_id = v.counter_id, session_id = v.id,
          called_at = COALESCE(called_at, GREATEST(v_now, updated_at)),
          last_called_at = GREATEST(v_now, updated_at), call_count = call_count + 1,
          updated_at = GREATEST(v_now, updated_at)
        WHERE id = (
          SELECT t.id
          FROM unnest(v.services, v.counter_weights, v.service_weights) AS r(service_id, counter_weight, service_weight)
          CROSS JOIN unnest(v.group_ranks, v.group_bands) AS g(rnk, bnd)
          CROSS JOIN LATERAL (
            SELECT w.id, w.priority_class, w.band, w.arrival_at, w.class_rank, w.order_at, w.issue_order
            FROM mpp_queue_tickets w
            WHERE w.site_id = p_site AND w.service_id = r.service_id AND w.class_rank = g.rnk AND w.band = g.bnd
              AND w.status = 'waiting' AND w.callable_at <= v_now
            ORDER BY w.order_at, w.issue_order
            LIMIT v_k
          ) h
          JOIN mpp_queue_tickets t ON t.id = h.id
          WHERE t.status = 'waiting'
          ORDER BY
            (v_force AND h.priority_class IS NOT NULL)::int,
            CASE WHEN v.max_wait_ms IS NOT NULL AND h.band = 'walk-in' AND v_now - h.arrival_at >= v.max_wait_ms THEN 0 ELSE 1 END,
            CASE WHEN v.max_wait_ms IS NOT NULL AND h.band = 'walk-in' AND v_now - h.arrival_at >= v.max_wait_ms THEN h.arrival_at ELSE 0 END,
            -COALESCE((v.session_weights ->> r.service_id)::float8, r.counter_weight),
            CASE WHEN v.aging_ms IS NOT NULL AND h.band = 'walk-in'
              THEN GREATEST(0, h.class_rank - GREATEST(0, v_now - h.arrival_at) / v.aging_ms)
              ELSE h.class_rank END,
            CASE WHEN h.band = 'walk-in' THEN 1 ELSE 0 END,
            -r.service_weight,
            h.order_at,
            h.issue_order
          LIMIT 1
          FOR UPDATE OF t SKIP LOCKED
        ) AND status = 'waiting'
        RETURNING * INTO v_t;
        EXIT WHEN FOUND;
        -- Every head was taken by concurrent callers (or none is callable). If no group
        -- can have been cut off by the limit, nothing else is callable; else look deeper.
        SELECT count(*) INTO v_heads
        FROM unnest(v.services) AS r(service_id)
        CROSS JOIN unnest(v.group_ranks, v.group_bands) AS g(rnk, bnd)
        CROSS JOIN LATERAL (
          SELECT 1 FROM mpp_queue_tickets w
          WHERE w.site_id = p_site AND w.service_id = r.service_id AND w.class_rank = g.rnk AND w.band = g.bnd
            AND w.status = 'waiting' AND w.callable_at <= v_now
          LIMIT v_k
        ) h;
        IF v_heads < v_k THEN
          v_results := v_results || jsonb_build_object('ticket', NULL);
          IF v_key IS NOT NULL THEN
            INSERT INTO mpp_queue_idempotency (site_id, key, fingerprint, first_seq, event_count)
            VALUES (p_site, v_key, p_fingerprints[i], 0, 0);
          END IF;
          EXIT one;
        END IF;
        v_k := v_k * 4;
      END LOOP;

      v_counters := v_counters || v.counter_id;
      v_tickets := v_tickets || v_t.id;
      v_streaks := v_streaks || CASE WHEN v_t.priority_class IS NULL THEN 0 ELSE v.priority_streak + 1 END;
      v_event := jsonb_build_object(
        'siteId', p_site, 'at', v_t.updated_at, 'type', 'ticket.called', 'from', 'waiting',
        'ticket', jsonb_build_object(
          'id', v_t.id::text, 'siteId', v_t.site_id, 'serviceId', v_t.service_id, 'agencyId', v_t.agency_id,
          'serviceDay', v_t.service_day::text, 'numberServiceId', v_t.number_service_id, 'sequence', v_t.sequence,
          'label', v_t.label, 'channel', v_t.channel, 'priorityClass', v_t.priority_class, 'band', v_t.band,
          'bookingId', v_t.booking_id, 'appointmentSlotAt', v_t.appointment_slot_at, 'status', v_t.status,
          'issuedAt', v_t.issued_at, 'arrivalAt', v_t.arrival_at, 'callableAt', v_t.callable_at,
          'calledAt', v_t.called_at, 'lastCalledAt', v_t.last_called_at, 'servingAt', v_t.serving_at,
          'finishedAt', v_t.finished_at, 'callCount', v_t.call_count, 'counterId', v_t.counter_id,
          'sessionId', v_t.session_id::text, 'parentId', v_t.parent_id::text, 'rootId', v_t.root_id::text,
          'issueOrder', v_t.issue_order, 'updatedAt', v_t.updated_at),
        'announcement', jsonb_build_object(
          'label', v_t.label, 'counterId', v.counter_id, 'counterNumber', v.number,
          'counterName', v.name, 'serviceId', v_t.service_id, 'callCount', v_t.call_count));
      v_count := v_count + 1;
      v_keyed := v_keyed OR v_key IS NOT NULL;
      v_events := v_events || jsonb_build_array(v_event);
      v_event_of[i] := v_count;
      v_results := v_results || jsonb_build_object('event', v_event);
    END;
  END LOOP;

  IF v_count > 0 THEN
    -- Counters (locked above), then last the site row (outbox sequence) for all events
    -- at once; the commit follows at once.
    WITH c AS (
      UPDATE mpp_queue_counters m SET active_ticket_id = x.ticket_id, priority_streak = x.streak
      FROM unnest(v_counters, v_tickets, v_streaks) AS x(counter_id, ticket_id, streak)
      WHERE m.site_id = p_site AND m.counter_id = x.counter_id
    ), s AS (
      UPDATE mpp_queue_sites SET event_seq = event_seq + v_count WHERE id = p_site
      RETURNING event_seq - v_count AS base
    ), e AS (
      INSERT INTO mpp_queue_events (site_id, seq, type, at, body)
      SELECT p_site, s.base + e.ord, 'ticket.called', (e.value ->> 'at')::bigint, e.value
      FROM s, jsonb_array_elements(v_events) WITH ORDINALITY AS e(value, ord)
    )
    SELECT base INTO v_base FROM s;
    IF v_keyed THEN
      INSERT INTO mpp_queue_idempotency (site_id, key, fingerprint, first_seq, event_count)
      SELECT p_site, p_keys[x.i], p_fingerprints[x.i], v_base + v_event_of[x.i], 1
      FROM generate_subscripts(p_sessions, 1) AS x(i)
      WHERE v_event_of[x.i] > 0 AND p_keys[x.i] IS NOT NULL;
    END IF;
    FOR i IN 1 .. cardinality(p_sessions) LOOP
      IF v_event_of[i] > 0 THEN
        v_results[i] := v_results[i] || jsonb_build_object('seq', v_base + v_event_of[i]);
      END IF;
    END LOOP;
  END IF;
  RETURN to_jsonb(v_results);
END;
$$;

-- The final write of every other command, sent with BEGIN/COMMIT in the command's last
-- round trip: tickets, counters and sessions, then the site row (outbox sequence) and
-- the events with consecutive numbers, and the idempotency key. Returns the sequence
-- number before the first event. Arrays are jsonb rows of the tables.
CREATE OR REPLACE FUNCTION mpp_queue_flush(
  p_site text,
  p_tickets jsonb,
  p_counters jsonb,
  p_sessions jsonb,
  p_events jsonb,
  p_idem_key text,
  p_fingerprint text
) RETURNS bigint
LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan
AS $$
DECLARE
  v_count integer := jsonb_array_length(p_events);
  v_base bigint;
BEGIN
  IF jsonb_array_length(p_tickets) > 0 THEN
    INSERT INTO mpp_queue_tickets SELECT * FROM jsonb_populate_recordset(NULL::mpp_queue_tickets, p_tickets)
    ON CONFLICT (id) DO UPDATE SET
      status = EXCLUDED.status, callable_at = EXCLUDED.callable_at, called_at = EXCLUDED.called_at,
      last_called_at = EXCLUDED.last_called_at, serving_at = EXCLUDED.serving_at,
      finished_at = EXCLUDED.finished_at, call_count = EXCLUDED.call_count,
      counter_id = EXCLUDED.counter_id, session_id = EXCLUDED.session_id,
      class_rank = EXCLUDED.class_rank, order_at = EXCLUDED.order_at, updated_at = EXCLUDED.updated_at;
  END IF;
  IF jsonb_array_length(p_counters) > 0 THEN
    INSERT INTO mpp_queue_counters (site_id, counter_id, active_ticket_id, priority_streak)
    SELECT site_id, counter_id, active_ticket_id, priority_streak
    FROM jsonb_populate_recordset(NULL::mpp_queue_counters, p_counters)
    ON CONFLICT (site_id, counter_id) DO UPDATE SET
      active_ticket_id = EXCLUDED.active_ticket_id, priority_streak = EXCLUDED.priority_streak;
  END IF;
  IF jsonb_array_length(p_sessions) > 0 THEN
    INSERT INTO mpp_queue_sessions SELECT * FROM jsonb_populate_recordset(NULL::mpp_queue_sessions, p_sessions)
    ON CONFLICT (id) DO UPDATE SET closed_at = EXCLUDED.closed_at;
  END IF;
  -- Last: the site row (outbox sequence); the commit follows in the same round trip.
  UPDATE mpp_queue_sites SET event_seq = event_seq + v_count WHERE id = p_site
  RETURNING event_seq - v_count INTO v_base;
  IF v_count > 0 THEN
    INSERT INTO mpp_queue_events (site_id, seq, type, at, body)
    SELECT p_site, v_base + e.ord, e.value ->> 'type', (e.value ->> 'at')::bigint, e.value
    FROM jsonb_array_elements(p_events) WITH ORDINALITY AS e(value, ord);
  END IF;
  IF p_idem_key IS NOT NULL THEN
    INSERT INTO mpp_queue_idempotency (site_id, key, fingerprint, first_seq, event_count)
    VALUES (p_site, p_idem_key, p_fingerprint, v_base + 1, v_count);
  END IF;
  RETURN v_base;
END;
$$;

-- The reads and the number allocation of a command's first round trip, as functions so
-- their plans are made once per connection (the statement that carries BEGIN travels
-- as a simple query and would otherwise be parsed and planned every time).
CREATE OR REPLACE FUNCTION mpp_queue_lock_session(p_site text, p_session uuid)
RETURNS TABLE (
  id text, site_id text, counter_id text, staff_id text, service_weights jsonb, opened_at bigint,
  closed_at bigint, active_ticket_id text, priority_streak integer
)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  SELECT s.id::text, s.site_id, s.counter_id, s.staff_id, s.service_weights, s.opened_at, s.closed_at,
    c.active_ticket_id::text, c.priority_streak
  FROM mpp_queue_sessions s
  JOIN mpp_queue_counters c ON c.site_id = s.site_id AND c.counter_id = s.counter_id
  WHERE s.id = p_session AND s.site_id = p_site
  FOR UPDATE OF c;
END;
$$;

CREATE OR REPLACE FUNCTION mpp_queue_lock_ticket(p_site text, p_ticket uuid)
RETURNS SETOF mpp_queue_tickets
LANGUAGE plpgsql AS $$
BEGIN
  RETURN QUERY SELECT * FROM mpp_queue_tickets WHERE id = p_ticket AND site_id = p_site FOR UPDATE;
END;
$$;

-- Next number of a service for a service day, atomically with the daily cap and the
-- number range; no row when either is used up.
CREATE OR REPLACE FUNCTION mpp_queue_take_number(
  p_site text, p_service text, p_day date, p_first integer, p_cap integer, p_last integer
)
RETURNS TABLE (last_number integer, issue_order text)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  INSERT INTO mpp_queue_numbers AS n (site_id, service_id, service_day, last_number, issued)
  VALUES (p_site, p_service, p_day, p_first, 1)
  ON CONFLICT (site_id, service_id, service_day) DO UPDATE
    SET last_number = n.last_number + 1, issued = n.issued + 1
    WHERE n.issued < p_cap AND n.last_number < p_last
  RETURNING n.last_number, nextval('mpp_queue_issue_order')::text;
END;
$$;
