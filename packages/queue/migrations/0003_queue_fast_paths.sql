-- Faster call-next and one-round-trip writes (decision 0035).
--
-- 1. The parts of a site's configuration that call-next needs live in columns and a
--    table written by saveSite (mpp_queue_save_site), so call-next no longer receives
--    and parses the whole counter map as a jsonb argument on every call.
-- 2. mpp_queue_call_next takes only the site, session, time and idempotency key; its
--    statements are written so PostgreSQL can keep one generic plan per statement
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

-- number IS NULL: the counter is no longer in the site's configuration.
ALTER TABLE mpp_queue_counters
  ADD COLUMN IF NOT EXISTS number integer,
  ADD COLUMN IF NOT EXISTS name text;

-- Which services a counter calls, with the counter's routing weight and the service
-- queue's weight (both from the configuration).
CREATE TABLE IF NOT EXISTS mpp_queue_routes (
  site_id text NOT NULL REFERENCES mpp_queue_sites (id),
  counter_id text NOT NULL,
  service_id text NOT NULL,
  counter_weight float8 NOT NULL,
  service_weight float8 NOT NULL,
  PRIMARY KEY (site_id, counter_id, service_id)
);

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

  INSERT INTO mpp_queue_counters (site_id, counter_id, number, name)
  SELECT p_site, c ->> 'id', (c ->> 'number')::integer, c ->> 'name'
  FROM jsonb_array_elements(p_config -> 'counters') AS c
  ON CONFLICT (site_id, counter_id) DO UPDATE SET number = EXCLUDED.number, name = EXCLUDED.name
  WHERE (mpp_queue_counters.number, mpp_queue_counters.name) IS DISTINCT FROM (EXCLUDED.number, EXCLUDED.name);
  UPDATE mpp_queue_counters SET number = NULL, name = NULL
  WHERE site_id = p_site AND number IS NOT NULL
    AND counter_id NOT IN (SELECT c ->> 'id' FROM jsonb_array_elements(p_config -> 'counters') AS c);

  DELETE FROM mpp_queue_routes WHERE site_id = p_site;
  -- A service listed twice at one counter: the last entry counts (as in the TypeScript Map).
  INSERT INTO mpp_queue_routes (site_id, counter_id, service_id, counter_weight, service_weight)
  SELECT DISTINCT ON (c ->> 'id', cs ->> 'serviceId')
    p_site, c ->> 'id', cs ->> 'serviceId', COALESCE((cs ->> 'weight')::float8, 0),
    COALESCE((SELECT (s ->> 'weight')::float8 FROM jsonb_array_elements(p_config -> 'services') AS s
              WHERE s ->> 'id' = cs ->> 'serviceId' LIMIT 1), 0)
  FROM jsonb_array_elements(p_config -> 'counters') AS c
  CROSS JOIN jsonb_array_elements(c -> 'services') WITH ORDINALITY AS x(cs, i)
  ORDER BY c ->> 'id', cs ->> 'serviceId', i DESC;
  -- Small table read by every call-next: keep its statistics current so the plan uses its key.
  ANALYZE mpp_queue_routes;

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
  v_event_of integer[] := '{}';  -- per result: ordinal of its event (1-based), or 0
  v_count integer := 0;
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

      SELECT s.id, s.counter_id, s.service_weights, s.closed_at, c.active_ticket_id, c.priority_streak,
        c.number, c.name, st.class_count, st.group_ranks, st.group_bands, st.max_consecutive, st.max_wait_ms,
        st.aging_ms
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
      IF v.active_ticket_id IS NOT NULL THEN
        v_results := v_results || jsonb_build_object('refused', 'counter-busy', 'counterId', v.counter_id,
          'ticketId', v.active_ticket_id::text);
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
          SELECT 1 FROM mpp_queue_routes r
          JOIN mpp_queue_tickets t ON t.site_id = r.site_id AND t.service_id = r.service_id
          WHERE r.site_id = p_site AND r.counter_id = v.counter_id AND t.status = 'waiting'
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
          FROM mpp_queue_routes r
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
          WHERE r.site_id = p_site AND r.counter_id = v.counter_id AND t.status = 'waiting'
          ORDER BY
            (v_force AND h.priority_class IS NOT NULL)::int,
            CASE WHEN v.max_wait_ms IS NOT NULL AND h.band = 'walk-in' AND v_now - h.arrival_at >= v.max_wait_ms THEN 0 ELSE 1 END,
            CASE WHEN v.max_wait_ms IS NOT NULL AND h.band = 'walk-in' AND v_now - h.arrival_at >= v.max_wait_ms THEN h.arrival_at ELSE 0 END,
            -COALESCE((v.service_weights ->> r.service_id)::float8, r.counter_weight),
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
        FROM mpp_queue_routes r
        CROSS JOIN unnest(v.group_ranks, v.group_bands) AS g(rnk, bnd)
        CROSS JOIN LATERAL (
          SELECT 1 FROM mpp_queue_tickets w
          WHERE w.site_id = p_site AND w.service_id = r.service_id AND w.class_rank = g.rnk AND w.band = g.bnd
            AND w.status = 'waiting' AND w.callable_at <= v_now
          LIMIT v_k
        ) h
        WHERE r.site_id = p_site AND r.counter_id = v.counter_id;
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

      UPDATE mpp_queue_counters SET active_ticket_id = v_t.id,
        priority_streak = CASE WHEN v_t.priority_class IS NULL THEN 0 ELSE v.priority_streak + 1 END
      WHERE site_id = p_site AND counter_id = v.counter_id;

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
      v_events := v_events || jsonb_build_array(v_event);
      v_event_of[i] := v_count;
      v_results := v_results || jsonb_build_object('event', v_event);
    END;
  END LOOP;

  IF v_count > 0 THEN
    -- Last: the site row (outbox sequence); the commit follows at once.
    UPDATE mpp_queue_sites SET event_seq = event_seq + v_count WHERE id = p_site
    RETURNING event_seq - v_count INTO v_base;
    INSERT INTO mpp_queue_events (site_id, seq, type, at, body)
    SELECT p_site, v_base + e.ord, 'ticket.called', (e.value ->> 'at')::bigint, e.value
    FROM jsonb_array_elements(v_events) WITH ORDINALITY AS e(value, ord);
    INSERT INTO mpp_queue_idempotency (site_id, key, fingerprint, first_seq, event_count)
    SELECT p_site, p_keys[x.i], p_fingerprints[x.i], v_base + v_event_of[x.i], 1
    FROM generate_subscripts(p_sessions, 1) AS x(i)
    WHERE v_event_of[x.i] > 0 AND p_keys[x.i] IS NOT NULL;
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
