using RegionalWarehouse.Cli.Commands;

return await CliRunner.RunAsync(RwCommands.Root(), args);
