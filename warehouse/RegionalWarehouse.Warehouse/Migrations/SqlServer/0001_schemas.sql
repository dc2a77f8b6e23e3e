-- Four schemas: reference data, ETL bookkeeping, the dimensional warehouse, and benchmarking marts.
IF SCHEMA_ID(N'ref') IS NULL EXEC(N'CREATE SCHEMA ref');
IF SCHEMA_ID(N'etl') IS NULL EXEC(N'CREATE SCHEMA etl');
IF SCHEMA_ID(N'dw') IS NULL EXEC(N'CREATE SCHEMA dw');
IF SCHEMA_ID(N'mart') IS NULL EXEC(N'CREATE SCHEMA mart');
