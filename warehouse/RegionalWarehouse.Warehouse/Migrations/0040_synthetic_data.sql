-- The LAs whose returns in this warehouse are synthetic (`rw demo` marks the eleven members before it loads
-- them), so every page, table, model and export showing their figures can say so, and a demo warehouse cannot
-- be mistaken for a real one whatever reads it.
create table etl.synthetic_data (
    la_code   varchar(9)   not null primary key,
    marked_at timestamp    not null,
    note      varchar(500) not null
);
