using DbUp.Engine;
using Microsoft.Extensions.Logging;
using RegionalWarehouse.Warehouse.Engines;
using RegionalWarehouse.Warehouse.ReferenceData;

namespace RegionalWarehouse.Warehouse.Migrations;

/// <summary>Brings a warehouse up to the latest schema with DbUp, then seeds reference data.</summary>
public sealed class WarehouseMigrator(IWarehouseEngine engine, ILogger<WarehouseMigrator> logger)
{
    public MigrationOutcome Migrate()
    {
        // Fail fast with the engine's own "what to check" message rather than DbUp's stack trace.
        using (engine.Open()) { }

        var result = BuildUpgrader().PerformUpgrade();
        if (!result.Successful)
            throw new MigrationFailedException(
                $"Migration {result.ErrorScript?.Name ?? "(unknown script)"} failed on the {engine.Describe()}: {result.Error?.Message}. " +
                "Nothing after it was applied; fix the script or the database and run `rw migrate` again.", result.Error);

        var seed = new ReferenceDataSeeder(engine).Seed();
        logger.LogInformation("Warehouse at {Warehouse} is current: {Applied} script(s) applied, reference data {Seed}",
            engine.Describe(), result.Scripts.Count(), seed);
        return new MigrationOutcome(result.Scripts.Select(s => s.Name).ToList(), seed);
    }

    public IReadOnlyList<string> PendingScripts() =>
        BuildUpgrader().GetScriptsToExecute().Select(s => s.Name).ToList();

    /// <summary>Every script this engine would run, in order, as embedded in the assembly.</summary>
    public static IReadOnlyList<EmbeddedScript> ScriptsFor(string migrationFolder)
    {
        var assembly = typeof(WarehouseMigrator).Assembly;
        var prefix = $"{assembly.GetName().Name}.Migrations.{migrationFolder}.";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return new EmbeddedScript(n[prefix.Length..], reader.ReadToEnd());
            })
            .ToList();
    }

    private UpgradeEngine BuildUpgrader()
    {
        var prefix = $"{typeof(WarehouseMigrator).Assembly.GetName().Name}.Migrations.{engine.MigrationFolder}.";
        return engine.MigrationBuilder()
            .WithScriptsEmbeddedInAssembly(typeof(WarehouseMigrator).Assembly, name => name.StartsWith(prefix, StringComparison.Ordinal))
            .WithTransactionPerScript()
            .LogTo(new DbUpLogBridge(logger))
            .Build();
    }
}

public sealed record EmbeddedScript(string Name, string Sql);

public sealed record MigrationOutcome(IReadOnlyList<string> AppliedScripts, SeedOutcome Seed);

public sealed class MigrationFailedException(string message, Exception? inner) : Exception(message, inner);
