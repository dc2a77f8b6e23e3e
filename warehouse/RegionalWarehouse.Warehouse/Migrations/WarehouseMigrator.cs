using DbUp.Engine;
using DbUp.Support;
using Microsoft.Extensions.Logging;
using RegionalWarehouse.Warehouse.Engines;
using RegionalWarehouse.Warehouse.ReferenceData;
using RegionalWarehouse.Warehouse.Views;

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
        var applied = result.Scripts.Where(s => s.SqlScriptOptions.ScriptType == ScriptType.RunOnce).Select(s => s.Name).ToList();
        // Routine start-up says nothing unless something changed: a migration applied or reference data reseeded.
        logger.Log(applied.Count > 0 || seed.Inserted + seed.Updated + seed.Deleted > 0 ? LogLevel.Information : LogLevel.Debug,
            "Warehouse at {Warehouse} is current: {Applied} migration(s) applied, views current, reference data {Seed}", engine.Describe(), applied.Count, seed);
        return new MigrationOutcome(applied, seed);
    }

    /// <summary>Run-once migrations not yet applied (the views are re-applied on every migrate, so never pending).</summary>
    public IReadOnlyList<string> PendingScripts() =>
        BuildUpgrader().GetScriptsToExecute().Where(s => s.SqlScriptOptions.ScriptType == ScriptType.RunOnce).Select(s => s.Name).ToList();

    /// <summary>
    /// Every run-once migration of this engine, in order: its own (<c>Migrations/&lt;engine&gt;/</c>) and the shared
    /// ones (<c>Migrations/</c>, <see cref="PortableDdl"/>), each named as DbUp journals it, so a warehouse migrated
    /// before a pair became one shared file does not run it again (views: <see cref="CurrentViews"/>).
    /// </summary>
    public static IReadOnlyList<EmbeddedScript> ScriptsFor(string migrationFolder)
    {
        var journalPrefix = $"{EmbeddedSql.Root}Migrations.{migrationFolder}.";
        var own = EmbeddedSql.In($"Migrations.{migrationFolder}.")
            .Select(s => new EmbeddedScript(s.File, s.Sql));
        var shared = EmbeddedSql.In("Migrations.")
            .Where(s => !s.File.Contains('.', StringComparison.Ordinal))
            .Select(s => new EmbeddedScript(s.File, migrationFolder == "SqlServer" ? PortableDdl.ToSqlServer(s.Sql, $"Migrations/{s.File}.sql") : s.Sql));
        var scripts = own.Concat(shared).OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
        var twice = scripts.GroupBy(s => s.Name).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
            throw new InvalidOperationException($"Migration {twice.Key} is both shared and {migrationFolder}'s own. Keep one.");
        return scripts.Select(s => s with { Name = $"{journalPrefix}{s.Name}.sql" }).ToList();
    }

    private UpgradeEngine BuildUpgrader()
    {
        return engine.MigrationBuilder()
            .WithScripts(ScriptsFor(engine.MigrationFolder).Select(s => new SqlScript(s.Name, s.Sql)))
            .WithScripts(new CurrentViewsProvider(engine.MigrationFolder))
            // Migrations by name, then the views in the provider's dependency order (OrderBy is stable).
            .WithScriptSorter(scripts => scripts
                .OrderBy(s => s.SqlScriptOptions.RunGroupOrder)
                .ThenBy(s => s.SqlScriptOptions.ScriptType == ScriptType.RunOnce ? s.Name : "", StringComparer.Ordinal))
            .WithTransactionPerScript()
            .LogTo(new DbUpLogBridge(logger))
            .Build();
    }
}

public sealed record EmbeddedScript(string Name, string Sql);

public sealed record MigrationOutcome(IReadOnlyList<string> AppliedScripts, SeedOutcome Seed);

public sealed class MigrationFailedException(string message, Exception? inner) : Exception(message, inner);
