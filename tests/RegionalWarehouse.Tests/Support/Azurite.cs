using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Azure.Storage.Blobs;

namespace RegionalWarehouse.Tests.Support;

/// <summary>
/// A real Azurite blob service (from ops/azurite, installed by `npm ci`) on a free loopback port,
/// in-memory and without telemetry, stopped when disposed.
/// </summary>
public sealed class Azurite : IDisposable
{
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process _process;

    private Azurite(int port, Process process)
    {
        Port = port;
        _process = process;
    }

    public int Port { get; }

    public string ConnectionString => ConnectionStringFor(Port);

    public BlobServiceClient Client => new(ConnectionString);

    public static string ConnectionStringFor(int port) =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static Azurite Start(int? port = null)
    {
        var root = RepositoryRoot();
        var executable = Path.Combine(root, "ops", "azurite", "node_modules", ".bin", "azurite-blob");
        if (!File.Exists(executable))
            throw new InvalidOperationException($"Azurite is not installed at {executable}. Run `npm ci --prefix ops/azurite` (ops/test.sh does this).");
        var chosen = port ?? FreePort();
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var arg in new[] { "--blobHost", "127.0.0.1", "--blobPort", chosen.ToString(), "--inMemoryPersistence", "--disableTelemetry", "--skipApiVersionCheck", "--loose", "--silent" })
            start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var azurite = new Azurite(chosen, process);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"Azurite exited with code {process.ExitCode}.");
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, chosen);
                return azurite;
            }
            catch (SocketException)
            {
                Thread.Sleep(100);
            }
        }
        azurite.Dispose();
        throw new TimeoutException("Azurite did not start listening within 30 seconds.");
    }

    public static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "RegionalWarehouse.sln")))
            folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("Cannot find the repository root (RegionalWarehouse.sln).");
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
                _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        catch (InvalidOperationException) { }
        _process.Dispose();
    }
}
