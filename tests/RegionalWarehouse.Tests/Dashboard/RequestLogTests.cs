using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RegionalWarehouse.Dashboard;

namespace RegionalWarehouse.Tests.Dashboard;

/// <summary>The dashboard logs each request without personal data: no query string, address or header.</summary>
public sealed class RequestLogTests
{
    private sealed class Captured : ILoggerProvider, ILogger
    {
        public List<(string Category, string Message)> Lines { get; private init; } = [];

        private string _category = "";

        public ILogger CreateLogger(string categoryName) => new Captured { _category = categoryName, Lines = Lines };

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Lines)
                Lines.Add((_category, formatter(state, exception)));
        }

        public void Dispose()
        {
        }
    }

    [Fact]
    public async Task Each_request_is_one_line_of_method_path_status_and_time_without_the_query()
    {
        using var warehouse = new TemporaryWarehouse();
        var captured = new Captured();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(captured));
        var server = new DashboardServer(warehouse.Engine, Options.Create(new DashboardOptions { Url = "http://127.0.0.1:0" }), loggers);
        await server.StartAsync(CancellationToken.None);
        try
        {
            using var http = new HttpClient { BaseAddress = server.Address };
            await http.GetFromJsonAsync<object[]>("/api/trend?la=919&metric=cla_31_march");
        }
        finally
        {
            await server.StopAsync(CancellationToken.None);
            await server.DisposeAsync();
        }

        var line = Assert.Single(captured.Lines, l => l.Category == "RegionalWarehouse.Dashboard.Requests");
        Assert.Matches(@"^GET /api/trend 200 in \d+ ms$", line.Message);
    }
}
