-- Record-level errors no longer reject a whole return: it loads while few enough of its children have
-- errors, and the share becomes a data-quality score per LA and year, shown beside the benchmarks.
alter table etl.submission add children int;
GO
alter table etl.submission add children_with_errors int;
GO
