namespace RegionalWarehouse.Cli.Commands;

/// <summary>Every `rw` command, in the order `rw --help` lists them.</summary>
public static class RwCommands
{
    public static RootCommand Root() => new("rw: the Regional Warehouse operator CLI for East of England children's services data.")
    {
        MigrateCommand.Create(),
        DoctorCommand.Create(),
        VerifyEngineCommand.Create(),
        IngestCommand.Create(),
        RulesCommand.Create(),
        GenerateCommand.Create(),
        WorkerCommand.Create(),
        DemoCommand.Create(),
        StatusCommand.Create(),
        AuditCommand.Create(),
        RetentionCommand.Create(),
        GovernanceCommand.Create(),
        SasCommand.Create(),
        ComparisonCommands.Benchmark(),
        ComparisonCommands.Refresh(),
        ComparisonCommands.Metrics(),
        ComparisonCommands.ExportParquet(),
        ComparisonCommands.Correlate(),
        ComparisonCommands.Indicators(),
        InsightCommands.Forecast(),
        InsightCommands.Warnings(),
        InsightCommands.Explain(),
        TemplateCommand.Create(),
        DashboardCommand.Create(),
        ModelCommands.Create(),
        PerformanceBenchCommand.Create(),
    };
}
