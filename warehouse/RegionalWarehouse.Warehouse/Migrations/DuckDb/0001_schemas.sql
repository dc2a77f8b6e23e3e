-- Four schemas: reference data, ETL bookkeeping, the dimensional warehouse, and benchmarking marts.
create schema if not exists ref;
create schema if not exists etl;
create schema if not exists dw;
create schema if not exists mart;
