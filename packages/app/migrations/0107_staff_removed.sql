-- Staff accounts removed by the MPP manager (issue 8, decision 0066) are deactivated, not
-- deleted: the audit log keeps pointing at them, and their username stays taken.
alter table staff add column removed_at timestamptz;
