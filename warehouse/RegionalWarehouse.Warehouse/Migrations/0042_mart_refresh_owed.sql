-- The mart refreshes committed loads are owed, written in each load's own transaction: a crash between a load's
-- commit and its refresh leaves the debt here, and the next worker (or rw refresh) pays it. The scope is an LA's DfE
-- code, '*' for every LA, or '-' for the comparators only; a refresh clears what it covered and was owed before it began.
create table etl.mart_refresh_owed (
    scope   varchar(9) not null,
    owed_at timestamp  not null
);
