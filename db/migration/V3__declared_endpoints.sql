-- The primary endpoints an experiment declares (@PrimaryEndpoint), one per line, recorded by the
-- session before the experiment's runs start; the report tests the compared methods on these.
alter table experiment add column endpoints varchar(4000);
