using Microsoft.Extensions.Options;
using RegionalWarehouse.Etl.Benchmarks;
using RegionalWarehouse.PowerBi;
using RegionalWarehouse.SemanticModel;
using RegionalWarehouse.Warehouse.Audit;

namespace RegionalWarehouse.Cli.Commands;

/// <summary>`rw model deploy|refresh|reconcile`: the Power BI service side, over its REST APIs.</summary>
public static class ModelServiceCommands
{
    public static IEnumerable<Command> Create() => [Deploy(), Refresh(), Reconcile()];

    private static (Microsoft.Extensions.Hosting.IHost Host, PowerBiClient Client) Open()
    {
        var host = CliHost.Open();
        var options = host.Services.GetRequiredService<IOptions<PowerBiOptions>>().Value;
        if (!options.IsConfigured)
        {
            host.Dispose();
            throw new InvalidOperationException("Power BI is not configured: set PowerBi:WorkspaceId and PowerBi:SemanticModelId (RW__PowerBi__WorkspaceId, RW__PowerBi__SemanticModelId) and a service principal (PowerBi:TenantId, ClientId, ClientSecret).");
        }
        return (host, host.Services.GetRequiredService<PowerBiClient>());
    }

    /// <summary>
    /// The server and database the deployed model reads: PowerBi:SqlServer and PowerBi:SqlDatabase when set, else the
    /// warehouse's own connection string. Never the placeholder: a deploy must not reset the service's parameters.
    /// </summary>
    private static (string Server, string Database) WarehouseAddress(Microsoft.Extensions.Hosting.IHost host)
    {
        var options = host.Services.GetRequiredService<IOptions<PowerBiOptions>>().Value;
        var warehouse = host.Services.GetRequiredService<IOptions<RegionalWarehouse.Warehouse.WarehouseOptions>>().Value.SqlServerConnectionString;
        var builder = string.IsNullOrWhiteSpace(warehouse) ? null : new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(warehouse);
        // Power BI's Sql.Database takes the host name alone: no tcp: prefix, no default port.
        var server = options.SqlServer ?? builder?.DataSource.Replace("tcp:", "", StringComparison.OrdinalIgnoreCase).Replace(",1433", "", StringComparison.Ordinal);
        var database = options.SqlDatabase ?? builder?.InitialCatalog;
        if (string.IsNullOrWhiteSpace(server) || string.IsNullOrWhiteSpace(database))
            throw new InvalidOperationException("The model's data source is not known: set PowerBi:SqlServer and PowerBi:SqlDatabase (RW__PowerBi__SqlServer, RW__PowerBi__SqlDatabase), or Warehouse:SqlServerConnectionString.");
        return (server, database);
    }

    private static string ModelId(Microsoft.Extensions.Hosting.IHost host) => host.Services.GetRequiredService<IOptions<PowerBiOptions>>().Value.SemanticModelId!;

    /// <summary>Who ran it (the operator's account on this machine), what happened and to which model, in the warehouse's audit trail.</summary>
    private static void Audit(Microsoft.Extensions.Hosting.IHost host, string command, string action, string detail) =>
        new AuditLog(host.Services.GetRequiredService<IWarehouseEngine>()).Record(
            new AuditEvent(DateTime.UtcNow, AuditLog.Operator(command), action, Detail: detail));

    private static Command Deploy()
    {
        var folder = new Option<string>("--folder") { Description = "The semantic-model folder.", DefaultValueFactory = _ => "semantic-model" };
        var command = new Command("deploy", "Upload the TMDL definition to the configured semantic model (Fabric updateDefinition) and wait for the service to accept it.") { folder };
        command.SetAction(async (parse, ct) =>
        {
            var files = ModelProject.Read(parse.GetValue(folder)!);
            var model = new ParsedModel(files);
            if (ModelRules.Check(model).Any())
                throw new InvalidOperationException("The model has rule violations; run `rw model check` and fix them before deploying.");
            var prefix = ModelWriter.ModelFolder + "/";
            var parts = files.Where(f => f.Key.StartsWith(prefix, StringComparison.Ordinal) && (f.Key.EndsWith(".tmdl", StringComparison.Ordinal) || f.Key.EndsWith("definition.pbism", StringComparison.Ordinal)))
                .ToDictionary(f => f.Key[prefix.Length..], f => f.Value);
            var (host, client) = Open();
            using (host)
            {
                if (parts.ContainsKey(ModelParameters.ExpressionsPart) && ModelParameters.ValueOf(parts[ModelParameters.ExpressionsPart], ModelParameters.Server) is not null)
                {
                    var (server, database) = WarehouseAddress(host);
                    parts = ModelParameters.Apply(parts, server, database);
                    AnsiConsole.WriteLine($"Data source: {server}, database {database}.");
                }
                await client.DeployAsync(parts, ct);
                Audit(host, "rw model deploy", "model deployed", $"{parts.Count} definition parts uploaded to semantic model {ModelId(host)}");
            }
            AnsiConsole.WriteLine($"Deployed {parts.Count} definition parts.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Refresh()
    {
        var noWait = new Option<bool>("--no-wait") { Description = "Start the refresh and return without waiting for it." };
        var command = new Command("refresh", "Start an enhanced refresh of the semantic model and follow it until it completes.") { noWait };
        command.SetAction(async (parse, ct) =>
        {
            var (host, client) = Open();
            using (host)
            {
                var location = await client.StartRefreshAsync(ct);
                Audit(host, "rw model refresh", "model refresh started", $"semantic model {ModelId(host)}: {location}");
                AnsiConsole.WriteLine($"Refresh started: {location}");
                if (!parse.GetValue(noWait))
                {
                    var outcome = (await client.WaitForRefreshAsync(location, ct)).ToLowerInvariant();
                    Audit(host, "rw model refresh", $"model refresh {outcome}", $"semantic model {ModelId(host)}: {location}");
                    AnsiConsole.WriteLine($"Refresh {outcome}.");
                }
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Reconcile()
    {
        var metric = new Option<string?>("--metric") { Description = "Only this metric (default: every metric in the catalogue)." };
        var command = new Command("reconcile", "Run every metric's DAX measure in the deployed model and compare it with the marts; exit 1 on any mismatch.") { metric };
        command.SetAction(async (parse, ct) =>
        {
            var (host, client) = Open();
            using (host)
            {
                var metrics = parse.GetValue(metric) is { } id ? [MetricCatalogue.Find(id)] : MetricCatalogue.All;
                var reconciler = new ModelReconciler(client, host.Services.GetRequiredService<IWarehouseEngine>());
                var (compared, mismatches) = await reconciler.ReconcileAsync(metrics, new Progress<Metric>(m => AnsiConsole.WriteLine($"checked {m.Id}")), ct);
                foreach (var m in mismatches)
                    AnsiConsole.WriteLine($"MISMATCH {m.MetricId} {m.La} {m.Year}: model {m.Model?.ToString("0.######") ?? "blank"}, mart {m.Mart?.ToString("0.######") ?? "blank"}");
                AnsiConsole.WriteLine($"{compared} LA-year values compared across {metrics.Count} metric(s): {mismatches.Count} mismatch(es).");
                return mismatches.Count == 0 ? ExitCodes.Success : ExitCodes.Failure;
            }
        });
        return command;
    }
}
