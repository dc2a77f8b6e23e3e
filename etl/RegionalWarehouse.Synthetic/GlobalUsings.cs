// These types moved out of the production assembly's namespaces, where its parent namespaces were in scope.
global using RegionalWarehouse.Etl.Context;
global using RegionalWarehouse.Etl.Ssda903;
global using RegionalWarehouse.Etl.SupportingFamilies;
