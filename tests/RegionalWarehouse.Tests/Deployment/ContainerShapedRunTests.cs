using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace RegionalWarehouse.Tests.Deployment;

/// <summary>
/// The worker and the dashboard run as their container images run them (ops/RegionalWarehouse.Cli's container
/// settings): the built application in a folder nobody may write, started as an unprivileged user, from that
/// folder, configured by environment variables alone, and answering the health probes the Bicep template sets.
/// The images themselves are built where a registry is reachable (.github/workflows/deploy.yml).
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ContainerShapedRunTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("rw-container-").FullName;

    public ContainerShapedRunTests() =>
        // A temporary folder is the runner's own (0700): the unprivileged user needs to reach into it.
        File.SetUnixFileMode(_root, ReadAndEnter | UnixFileMode.UserWrite);

    [Theory]
    [InlineData("worker")]
    [InlineData("dashboard")]
    public async Task The_app_runs_non_root_from_a_read_only_folder_on_environment_settings_alone_and_reports_ready(string role)
    {
        var app = ReadOnlyCopyOfTheApplication();
        var data = Path.Combine(_root, "data");
        Directory.CreateDirectory(data);
        var port = FreePort();
        var environment = new Dictionary<string, string>
        {
            ["RW__Warehouse__DuckDbPath"] = Path.Combine(data, "warehouse.duckdb"),
            ["RW__Landing__Folder"] = Path.Combine(data, "storage"),
            ["RW__Privacy__PseudonymisationKey"] = PipelineHarness.Key,
            [role == "worker" ? "RW__Worker__HealthUrl" : "RW__Dashboard__Url"] = $"http://127.0.0.1:{port}",
            ["RW__Dashboard__Enabled"] = role == "worker" ? "false" : "true",
        };
        if (Unprivileged.CanSwitch)
            Unprivileged.GiveFolder(data);

        using var process = Start(app, environment, role == "worker" ? "worker" : "dashboard");
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            if (!await PollUntilReady(http, port, process))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"rw {role} never reported ready: {await process.StandardError.ReadToEndAsync()}");
            }
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"http://127.0.0.1:{port}/health/live")).StatusCode);
            // Nothing was written beside the application: its folder is as it was copied.
            Assert.DoesNotContain(Directory.EnumerateFiles(app, "*", SearchOption.AllDirectories), f => File.GetLastWriteTimeUtc(f) > _copiedAt);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    private DateTime _copiedAt;

    /// <summary>The built rw application (what the image's /app holds), copied and made read-only for everyone.</summary>
    private string ReadOnlyCopyOfTheApplication()
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var built = Path.Combine(Azurite.RepositoryRoot(), "ops", "RegionalWarehouse.Cli", "bin", configuration, "net10.0");
        var app = Path.Combine(_root, "app");
        foreach (var file in Directory.EnumerateFiles(built, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(app, Path.GetRelativePath(built, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        _copiedAt = DateTime.UtcNow;
        foreach (var entry in Directory.EnumerateFileSystemEntries(app, "*", SearchOption.AllDirectories).Append(app))
            File.SetUnixFileMode(entry, Directory.Exists(entry) ? ReadAndEnter : UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        return app;
    }

    private const UnixFileMode ReadAndEnter = UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute |
                                              UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private static Process Start(string app, Dictionary<string, string> settings, string command)
    {
        // As the image's ENTRYPOINT would: from the application folder, as an unprivileged user where the tests can switch.
        var start = Unprivileged.CanSwitch ? new ProcessStartInfo("setpriv") : new ProcessStartInfo("dotnet");
        if (Unprivileged.CanSwitch)
        {
            foreach (var arg in new[] { $"--reuid={Unprivileged.Uid}", $"--regid={Unprivileged.Uid}", "--clear-groups", "dotnet" })
                start.ArgumentList.Add(arg);
        }
        start.ArgumentList.Add(Path.Combine(app, "rw.dll"));
        start.ArgumentList.Add(command);
        start.WorkingDirectory = app;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        // Environment only: the test runner's variables are cleared, as a container starts with its own.
        start.Environment.Clear();
        start.Environment["PATH"] = Environment.GetEnvironmentVariable("PATH");
        start.Environment["HOME"] = Path.GetTempPath();
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        if (Environment.GetEnvironmentVariable("DOTNET_ROOT") is { } dotnetRoot)
            start.Environment["DOTNET_ROOT"] = dotnetRoot;
        foreach (var (key, value) in settings)
            start.Environment[key] = value;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        return process;
    }

    private static async Task<bool> PollUntilReady(HttpClient http, int port, Process process)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                if ((await http.GetAsync($"http://127.0.0.1:{port}/health/ready")).StatusCode == HttpStatusCode.OK)
                    return true;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(500);
        }
        return false;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        foreach (var entry in Directory.EnumerateFileSystemEntries(_root, "*", SearchOption.AllDirectories))
            File.SetUnixFileMode(entry, File.GetUnixFileMode(entry) | UnixFileMode.UserWrite | UnixFileMode.UserRead | UnixFileMode.UserExecute);
        Directory.Delete(_root, recursive: true);
    }

    /// <summary>The user "nobody", as which the tests start the app when they run as root (a container's app user is not root either).</summary>
    private static class Unprivileged
    {
        public const int Uid = 65534;

        public static bool CanSwitch => Environment.UserName == "root" && File.Exists("/usr/bin/setpriv");

        public static void GiveFolder(string folder)
        {
            using var chown = Process.Start("chown", ["-R", $"{Uid}:{Uid}", folder]);
            chown.WaitForExit();
        }
    }
}
