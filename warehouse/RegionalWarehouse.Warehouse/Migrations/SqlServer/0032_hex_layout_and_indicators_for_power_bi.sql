-- Each LA's hexagon in the shipped hex layout (ReferenceData/Geo, seeded from the hexjson), and its centre in
-- plain x/y so the Power BI report can draw the hex map as a scatter: no geocoding, no tenant setting.
create table ref.la_hex (
    ons_code varchar(9) not null primary key,
    hex_q    smallint   not null,
    hex_r    smallint   not null
);
GO
