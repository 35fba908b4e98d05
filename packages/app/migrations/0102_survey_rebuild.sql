-- Rebuilds the survey roll-up from the stored responses (after a bulk load or a repair).
-- One function so the app, the demo seed and the benchmark all use the same definition.
create function mpp_rebuild_survey_daily() returns bigint
  language plpgsql
  as $$
declare
  n bigint;
begin
  delete from survey_daily;
  insert into survey_daily (service_day, service_id, agency_id, respondents, hist, profile)
  select service_day, service_id, min(agency_id), count(*),
    array[
      count(*) filter (where answers[1] = 0), count(*) filter (where answers[1] = 1), count(*) filter (where answers[1] = 2),
      count(*) filter (where answers[1] = 3), count(*) filter (where answers[1] = 4), count(*) filter (where answers[2] = 0),
      count(*) filter (where answers[2] = 1), count(*) filter (where answers[2] = 2), count(*) filter (where answers[2] = 3),
      count(*) filter (where answers[2] = 4), count(*) filter (where answers[3] = 0), count(*) filter (where answers[3] = 1),
      count(*) filter (where answers[3] = 2), count(*) filter (where answers[3] = 3), count(*) filter (where answers[3] = 4),
      count(*) filter (where answers[4] = 0), count(*) filter (where answers[4] = 1), count(*) filter (where answers[4] = 2),
      count(*) filter (where answers[4] = 3), count(*) filter (where answers[4] = 4), count(*) filter (where answers[5] = 0),
      count(*) filter (where answers[5] = 1), count(*) filter (where answers[5] = 2), count(*) filter (where answers[5] = 3),
      count(*) filter (where answers[5] = 4), count(*) filter (where answers[6] = 0), count(*) filter (where answers[6] = 1),
      count(*) filter (where answers[6] = 2), count(*) filter (where answers[6] = 3), count(*) filter (where answers[6] = 4),
      count(*) filter (where answers[7] = 0), count(*) filter (where answers[7] = 1), count(*) filter (where answers[7] = 2),
      count(*) filter (where answers[7] = 3), count(*) filter (where answers[7] = 4), count(*) filter (where answers[8] = 0),
      count(*) filter (where answers[8] = 1), count(*) filter (where answers[8] = 2), count(*) filter (where answers[8] = 3),
      count(*) filter (where answers[8] = 4), count(*) filter (where answers[9] = 0), count(*) filter (where answers[9] = 1),
      count(*) filter (where answers[9] = 2), count(*) filter (where answers[9] = 3), count(*) filter (where answers[9] = 4)
    ],
    array[
      count(*) filter (where profile[1] = 0), count(*) filter (where profile[1] = 1), count(*) filter (where profile[1] = 2),
      count(*) filter (where profile[2] = 0), count(*) filter (where profile[2] = 1), count(*) filter (where profile[2] = 2),
      count(*) filter (where profile[2] = 3), count(*) filter (where profile[2] = 4), count(*) filter (where profile[2] = 5),
      count(*) filter (where profile[2] = 6), count(*) filter (where profile[3] = 0), count(*) filter (where profile[3] = 1),
      count(*) filter (where profile[3] = 2), count(*) filter (where profile[3] = 3), count(*) filter (where profile[3] = 4),
      count(*) filter (where profile[3] = 5), count(*) filter (where profile[3] = 6), count(*) filter (where profile[4] = 0),
      count(*) filter (where profile[4] = 1), count(*) filter (where profile[4] = 2), count(*) filter (where profile[4] = 3),
      count(*) filter (where profile[4] = 4), count(*) filter (where profile[4] = 5), count(*) filter (where profile[4] = 6)
    ]
  from survey_response group by service_day, service_id;
  get diagnostics n = row_count;
  return n;
end
$$;
