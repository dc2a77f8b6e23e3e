-- Which LAs replaced which in a local government reorganisation (Cumbria by Cumberland and Westmorland and
-- Furness, Northamptonshire by North and West Northamptonshire, Dorset, Poole and Bournemouth by Dorset and
-- Bournemouth, Christchurch and Poole): for the years before, a map shows the predecessor's published figure
-- on its successors' area, saying so, rather than dropping it. Seeded from ReferenceData/la_successions.csv.
create table ref.la_succession (
    predecessor_dfe_code varchar(3) not null,
    successor_dfe_code   varchar(3) not null,
    primary key (predecessor_dfe_code, successor_dfe_code)
);
