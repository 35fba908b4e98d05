-- Call-next claims in reads bounded by the counter's groups, whatever the statistics say
-- (decision 0110).
--
-- The claim of 0005 ranked the heads of the groups and joined them back to the ticket table to
-- lock the winner. Its generic plan is made once per connection from the statistics of that
-- moment, and two ordinary moments made it quadratic: a table not yet analyzed (a new site, or
-- the first minutes after a bulk import: no statistics, so "status = 'waiting'" is guessed at
-- 0.5 % of the rows), and a table analyzed when nothing waited (a morning queue on top of
-- weeks of closed history). The planner then believed one ticket was waiting, scanned every
-- waiting ticket as the outer side of the join and ranked all heads again for each; the lock
-- step re-read every waiting ticket; and without statistics the heads came from the day index
-- (every ticket of the site) instead of the waiting index. Measured: 1.3 s per call with 300
-- waiting tickets on a fresh table, 50-100 ms with 300 waiting over 19,000 closed ones.
--
-- Now: (1) the heads are ranked in one statement that never joins the ticket table, into an
-- array of candidate ids; (2) each candidate is locked by its primary key (no status filter,
-- so no partial index can stand in for the key) and claimed only if it is still waiting;
-- (3) sorts are disabled for the function, so a head is always read from the waiting index,
-- which is already in call order, never from another index plus a sort. Reads per call are
-- now bounded by the counter's services times the site's groups times the look-ahead.

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
-- A head is read from the waiting index, already in call order; with sorts priced out no
-- estimate can prefer another index plus a sort (the ranking above is an aggregate's own
-- ordering, not a plan's sort, and is unaffected).
SET enable_sort = off
AS $$
DECLARE
  v record;
  v_now bigint;
  v_key text;
  v_force boolean;
  v_k integer;
  v_t mpp_queue_tickets;
  v_heads integer;
  v_candidates uuid[];
  v_id uuid;
  v_status text;
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
          SELECT 1 FROM unnest(v.services) AS r(service_id)
          CROSS JOIN LATERAL (
            SELECT 1 FROM mpp_queue_tickets t
            WHERE t.site_id = p_site AND t.service_id = r.service_id AND t.class_rank = v.class_count
              AND t.status = 'waiting' AND t.priority_class IS NULL AND t.callable_at <= v_now
            ORDER BY t.band, t.order_at, t.issue_order
            LIMIT 1
          ) n
        );
      END IF;

      v_k := 2;
      <<claim>>
      LOOP
        -- The heads of every group, best first; no join and no lock, so no statistic can turn
        -- this into a read per waiting ticket.
        SELECT array_agg(h.id ORDER BY
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
            h.issue_order)
        INTO v_candidates
        FROM unnest(v.services, v.counter_weights, v.service_weights) AS r(service_id, counter_weight, service_weight)
        CROSS JOIN unnest(v.group_ranks, v.group_bands) AS g(rnk, bnd)
        CROSS JOIN LATERAL (
          SELECT w.id, w.priority_class, w.band, w.arrival_at, w.class_rank, w.order_at, w.issue_order
          FROM mpp_queue_tickets w
          WHERE w.site_id = p_site AND w.service_id = r.service_id AND w.class_rank = g.rnk AND w.band = g.bnd
            AND w.status = 'waiting' AND w.callable_at <= v_now
          ORDER BY w.order_at, w.issue_order
          LIMIT v_k
        ) h;
        -- Claim the first candidate not locked by another caller and still waiting on its
        -- newest version, by primary key.
        IF v_candidates IS NOT NULL THEN
          FOREACH v_id IN ARRAY v_candidates LOOP
            SELECT status INTO v_status FROM mpp_queue_tickets WHERE id = v_id FOR UPDATE SKIP LOCKED;
            CONTINUE WHEN NOT FOUND OR v_status <> 'waiting';
            UPDATE mpp_queue_tickets SET
              status = 'called', counter_id = v.counter_id, session_id = v.id,
              called_at = COALESCE(called_at, GREATEST(v_now, updated_at)),
              last_called_at = GREATEST(v_now, updated_at), call_count = call_count + 1,
              updated_at = GREATEST(v_now, updated_at)
            WHERE id = v_id
            RETURNING * INTO v_t;
            EXIT claim;
          END LOOP;
        END IF;
        -- Every candidate was taken by concurrent callers (or none is callable). If no group
        -- can have been cut off by the limit, nothing else is callable; else look deeper.
        v_heads := COALESCE(cardinality(v_candidates), 0);
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
