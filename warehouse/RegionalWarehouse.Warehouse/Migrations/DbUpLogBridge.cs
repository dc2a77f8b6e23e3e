using DbUp.Engine.Output;
using Microsoft.Extensions.Logging;

namespace RegionalWarehouse.Warehouse.Migrations;

/// <summary>Sends DbUp's progress to Microsoft.Extensions.Logging, so migrations log like everything else.</summary>
internal sealed class DbUpLogBridge(ILogger logger) : IUpgradeLog
{
    public void LogTrace(string format, params object[] args) => logger.LogTrace("{DbUp}", string.Format(format, args));
    public void LogDebug(string format, params object[] args) => logger.LogDebug("{DbUp}", string.Format(format, args));
    public void LogInformation(string format, params object[] args) => logger.LogDebug("{DbUp}", string.Format(format, args));
    public void LogWarning(string format, params object[] args) => logger.LogWarning("{DbUp}", string.Format(format, args));
    public void LogError(string format, params object[] args) => logger.LogError("{DbUp}", string.Format(format, args));
    public void LogError(Exception ex, string format, params object[] args) => logger.LogError(ex, "{DbUp}", string.Format(format, args));
}
