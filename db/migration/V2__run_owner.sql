-- Which process owns a RUNNING run, so a later process on the same host can tell a run that is
-- still going from one whose process was killed, and resume the latter.
alter table run add column owner_host varchar(255);
alter table run add column owner_pid bigint;
