using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace RegionalWarehouse.Etl.Hosting;

/// <summary>
/// Quartz 3 keeps the first host's logger factory in a static. When that host is disposed and another
/// starts in the same process (tests, `rw demo` then `rw status`), Quartz would log into a disposed
/// factory and throw. This wrapper answers with a null logger once its host has gone.
/// </summary>
public sealed class QuartzSafeLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    private volatile bool _disposed;

    public ILogger CreateLogger(string categoryName)
    {
        if (_disposed)
            return NullLogger.Instance;
        try
        {
            return inner.CreateLogger(categoryName);
        }
        catch (ObjectDisposedException)
        {
            return NullLogger.Instance;
        }
    }

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose()
    {
        _disposed = true;
        inner.Dispose();
    }
}
