-- What the Power BI semantic model imports (semantic-model/): one view per model table in schema bi,
-- with integer keys for every relationship. Child- and family-level views carry pseudonymous keys only.
create schema bi;

-- Who may see which LA's child-level rows in the model (row-level security); filled from configuration.
create table ref.user_la_access (
    user_principal_name varchar(200) not null,
    la_key              integer      not null,
    primary key (user_principal_name, la_key)
);
