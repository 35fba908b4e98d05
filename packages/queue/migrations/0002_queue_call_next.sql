-- Call-next in one statement (one round trip, committed right after): lock the
-- counter, rank the first callable tickets of each (service, class, band) group with
-- the same key as the TypeScript core (src/core/ordering.ts), claim the best one with
-- FOR UPDATE SKIP LOCKED and a status re-check, update ticket and counter, append the
-- announcement event to the outbox. Refusals are returned as {"refused": code}.
CREATE OR REPLACE FUNCTION mpp_queue_call_next(
  p_site text,
  p_session uuid,
  p_now bigint,
  p_counters jsonb,   -- {counterId: {"number": n, "name": s|null, "weights": {serviceId: w}}}
  p_service_weights jsonb, -- {serviceId: w}
  p_ranks integer,    -- number of priority classes (normal rank)
  p_max_consecutive integer,
  p_max_wait_ms bigint,
  p_aging_ms bigint,
  p_idem_key text,
  p_fingerprint text
) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
  v_session record;
  v_counter jsonb;
  v_services text[];
  v_weights float8[];
  v_force boolean;
  v_k integer := 4;
  v_heads integer;
  v_cand record;
  v_t mpp_queue_tickets;
  v_found boolean := false;
  v_at bigint;
  v_streak integer;
  v_ticket jsonb;
  v_event jsonb;
  v_seq bigint;
  v_idem record;
BEGIN
  IF p_idem_key IS NOT NULL THEN
    SELECT fingerprint, first_seq, event_count INTO v_idem
    FROM mpp_queue_idempotency WHERE site_id = p_site AND key = p_idem_key;
    IF FOUND THEN
      RETURN jsonb_build_object('replay', true, 'fingerprint', v_idem.fingerprint,
        'firstSeq', v_idem.first_seq, 'count', v_idem.event_count);
    END IF;
  END IF;

  SELECT s.id, s.counter_id, s.service_weights, s.closed_at, c.active_ticket_id, c.priority_streak
  INTO v_session
  FROM mpp_queue_sessions s
  JOIN mpp_queue_counters c ON c.site_id = s.site_id AND c.counter_id = s.counter_id
  WHERE s.id = p_session AND s.site_id = p_site
  FOR UPDATE OF c;
  IF NOT FOUND THEN RETURN jsonb_build_object('refused', 'unknown-session'); END IF;
  IF v_session.closed_at IS NOT NULL THEN RETURN jsonb_build_object('refused', 'session-closed'); END IF;
  IF v_session.active_ticket_id IS NOT NULL THEN
    RETURN jsonb_build_object('refused', 'counter-busy', 'counterId', v_session.counter_id,
      'ticketId', v_session.active_ticket_id::text);
  END IF;
  v_counter := p_counters -> v_session.counter_id;
  IF v_counter IS NULL THEN RETURN jsonb_build_object('refused', 'unknown-counter', 'counterId', v_session.counter_id); END IF;

  -- Routing weights: the staff session's weight where set, else the counter's.
  SELECT array_agg(w.key), array_agg(COALESCE((v_session.service_weights ->> w.key)::float8, w.value::text::float8))
  INTO v_services, v_weights
  FROM jsonb_each(v_counter -> 'weights') AS w;

  v_force := p_max_consecutive IS NOT NULL AND v_session.priority_streak >= p_max_consecutive
    AND EXISTS (
      SELECT 1 FROM mpp_queue_tickets t
      WHERE t.site_id = p_site AND t.service_id = ANY (v_services) AND t.status = 'waiting'
        AND t.class_rank = p_ranks AND t.priority_class IS NULL AND t.callable_at <= p_now
    );

  LOOP
    v_heads := 0;
    FOR v_cand IN
      SELECT h.id
      FROM unnest(v_services, v_weights) AS s(sid, rw)
      CROSS JOIN generate_series(0, p_ranks) AS r(rnk)
      CROSS JOIN unnest(ARRAY['appointment', 'walk-in']) AS b(bnd)
      CROSS JOIN LATERAL (
        SELECT t.id, t.priority_class, t.band, t.arrival_at, t.class_rank, t.order_at, t.issue_order
        FROM mpp_queue_tickets t
        WHERE t.site_id = p_site AND t.service_id = s.sid AND t.class_rank = r.rnk AND t.band = b.bnd
          AND t.status = 'waiting' AND t.callable_at <= p_now
        ORDER BY t.order_at, t.issue_order
        LIMIT v_k
      ) h
      ORDER BY
        (v_force AND h.priority_class IS NOT NULL)::int,
        CASE WHEN p_max_wait_ms IS NOT NULL AND h.band = 'walk-in' AND p_now - h.arrival_at >= p_max_wait_ms THEN 0 ELSE 1 END,
        CASE WHEN p_max_wait_ms IS NOT NULL AND h.band = 'walk-in' AND p_now - h.arrival_at >= p_max_wait_ms THEN h.arrival_at ELSE 0 END,
        -s.rw,
        CASE WHEN p_aging_ms IS NOT NULL AND h.band = 'walk-in'
          THEN GREATEST(0, h.class_rank - GREATEST(0, p_now - h.arrival_at) / p_aging_ms)
          ELSE h.class_rank END,
        CASE WHEN h.band = 'walk-in' THEN 1 ELSE 0 END,
        -COALESCE((p_service_weights ->> s.sid)::float8, 0),
        h.order_at,
        h.issue_order
    LOOP
      v_heads := v_heads + 1;
      SELECT * INTO v_t FROM mpp_queue_tickets
      WHERE id = v_cand.id AND status = 'waiting'
      FOR UPDATE SKIP LOCKED;
      IF FOUND THEN
        v_found := true;
        EXIT;
      END IF;
    END LOOP;
    EXIT WHEN v_found OR v_heads < v_k;
    v_k := v_k * 4;
  END LOOP;

  IF NOT v_found THEN
    IF p_idem_key IS NOT NULL THEN
      INSERT INTO mpp_queue_idempotency (site_id, key, fingerprint, first_seq, event_count)
      VALUES (p_site, p_idem_key, p_fingerprint, 0, 0);
    END IF;
    RETURN jsonb_build_object('ticket', NULL);
  END IF;

  v_at := GREATEST(p_now, v_t.updated_at);
  v_streak := CASE WHEN v_t.priority_class IS NULL THEN 0 ELSE v_session.priority_streak + 1 END;
  UPDATE mpp_queue_tickets SET
    status = 'called', counter_id = v_session.counter_id, session_id = v_session.id,
    called_at = COALESCE(called_at, v_at), last_called_at = v_at, call_count = call_count + 1,
    updated_at = v_at
  WHERE id = v_t.id
  RETURNING * INTO v_t;
  UPDATE mpp_queue_counters SET active_ticket_id = v_t.id, priority_streak = v_streak
  WHERE site_id = p_site AND counter_id = v_session.counter_id;

  v_ticket := jsonb_build_object(
    'id', v_t.id::text, 'siteId', v_t.site_id, 'serviceId', v_t.service_id, 'agencyId', v_t.agency_id,
    'serviceDay', v_t.service_day::text, 'numberServiceId', v_t.number_service_id, 'sequence', v_t.sequence,
    'label', v_t.label, 'channel', v_t.channel, 'priorityClass', v_t.priority_class, 'band', v_t.band,
    'bookingId', v_t.booking_id, 'appointmentSlotAt', v_t.appointment_slot_at, 'status', v_t.status,
    'issuedAt', v_t.issued_at, 'arrivalAt', v_t.arrival_at, 'callableAt', v_t.callable_at,
    'calledAt', v_t.called_at, 'lastCalledAt', v_t.last_called_at, 'servingAt', v_t.serving_at,
    'finishedAt', v_t.finished_at, 'callCount', v_t.call_count, 'counterId', v_t.counter_id,
    'sessionId', v_t.session_id::text, 'parentId', v_t.parent_id::text, 'rootId', v_t.root_id::text,
    'issueOrder', v_t.issue_order, 'updatedAt', v_t.updated_at);
  v_event := jsonb_build_object(
    'siteId', p_site, 'at', v_at, 'type', 'ticket.called', 'from', 'waiting', 'ticket', v_ticket,
    'announcement', jsonb_build_object(
      'label', v_t.label, 'counterId', v_session.counter_id, 'counterNumber', v_counter -> 'number',
      'counterName', v_counter -> 'name', 'serviceId', v_t.service_id, 'callCount', v_t.call_count));

  -- Last: the site row (outbox sequence); the commit follows at once.
  UPDATE mpp_queue_sites SET event_seq = event_seq + 1 WHERE id = p_site RETURNING event_seq INTO v_seq;
  INSERT INTO mpp_queue_events (site_id, seq, type, at, body) VALUES (p_site, v_seq, 'ticket.called', v_at, v_event);
  IF p_idem_key IS NOT NULL THEN
    INSERT INTO mpp_queue_idempotency (site_id, key, fingerprint, first_seq, event_count)
    VALUES (p_site, p_idem_key, p_fingerprint, v_seq, 1);
  END IF;
  RETURN jsonb_build_object('seq', v_seq, 'event', v_event);
END;
$$;
