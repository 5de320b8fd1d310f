-- A RUNNING run's liveness across hosts (a Slurm task may die on one node and be requeued on
-- another): the owner refreshes heartbeat_at while it runs, and owner_task names the scheduler task
-- that owns it (e.g. "slurm 812_3"), so a requeued task recognises its own run.
alter table run add column heartbeat_at timestamp;
alter table run add column owner_task varchar(120);
