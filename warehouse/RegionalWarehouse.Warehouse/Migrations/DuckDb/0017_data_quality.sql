-- Record-level errors no longer reject a whole return: it loads while few enough of its children have
-- errors, and the share becomes a data-quality score per LA and year, shown beside the benchmarks.
alter table etl.submission add column children integer;
alter table etl.submission add column children_with_errors integer;
