using System.CommandLine;
using RegionalWarehouse.Cli.Commands;

var root = new RootCommand("rw: the Regional Warehouse operator CLI for East of England children's services data.")
{
    MigrateCommand.Create(),
    IngestCommand.Create(),
    RulesCommand.Create(),
    GenerateCommand.Create(),
    WorkerCommand.Create(),
    DemoCommand.Create(),
    StatusCommand.Create(),
    SasCommand.Create(),
    BenchmarkCommands.Benchmark(),
    BenchmarkCommands.Refresh(),
    BenchmarkCommands.Metrics(),
    BenchmarkCommands.ExportParquet(),
    BenchmarkCommands.Correlate(),
    TemplateCommand.Create(),
    DashboardCommand.Create(),
    ModelCommands.Create(),
    BenchCommand.Create(),
};
return await CliRunner.RunAsync(root, args);
