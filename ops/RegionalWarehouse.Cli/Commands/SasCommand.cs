using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Sas;
using Microsoft.Extensions.Options;
using RegionalWarehouse.Etl.Landing;
using RegionalWarehouse.Etl.Workers;

namespace RegionalWarehouse.Cli.Commands;

public static class SasCommand
{
    public static Command Create()
    {
        var la = new Option<string>("--la") { Description = "The LA's DfE code; the URL can only write under landing/{la}/.", Required = true };
        var hours = new Option<int>("--hours") { Description = "How long the URL works.", DefaultValueFactory = _ => 24 };
        var reports = new Option<bool>("--reports")
        {
            Description = "Issue a read-and-list URL for the LA's own reports (reports/{la}/) instead of an upload URL.",
        };
        var command = new Command("sas",
            "Issue a URL for one LA, scoped to its own folder: by default upload only (create/write under landing/{la}/, no read or list); with --reports, read and list only under reports/{la}/.")
        {
            la, hours, reports,
        };
        command.SetAction(parse =>
        {
            var builder = PlatformHost.CreateBuilder([]);
            builder.Services.AddLanding(builder.Configuration);
            using var host = builder.Build();
            var options = host.Services.GetRequiredService<IOptions<LandingOptions>>().Value;
            if (!options.IsBlob)
                throw new OptionsValidationException(LandingOptions.Section, typeof(LandingOptions),
                    ["rw sas needs blob storage: set Landing:Kind to Blob and Landing:BlobConnectionString (with an account key)."]);
            var lifetime = TimeSpan.FromHours(parse.GetValue(hours));
            Console.WriteLine(parse.GetValue(reports)
                ? ReportsUri(options.BlobConnectionString!, parse.GetValue(la)!.Trim(), lifetime)
                : UploadUri(options.BlobConnectionString!, parse.GetValue(la)!.Trim(), lifetime));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// A directory SAS (sr=d) on landing/{la}: Azure honours its scope on accounts with a hierarchical
    /// namespace (ADLS Gen2), which production landing accounts must have.
    /// </summary>
    public static Uri UploadUri(string connectionString, string la, TimeSpan lifetime) =>
        DirectoryUri(connectionString, BlobLandingStore.LandingContainer, la, lifetime, BlobSasPermissions.Create | BlobSasPermissions.Write);

    /// <summary>Read and list on reports/{la}/ only: the LA fetches its own reports without operator help.</summary>
    public static Uri ReportsUri(string connectionString, string la, TimeSpan lifetime) =>
        DirectoryUri(connectionString, BlobLandingStore.ContainerFor(LandingArea.Reports), la, lifetime, BlobSasPermissions.Read | BlobSasPermissions.List);

    private static Uri DirectoryUri(string connectionString, string containerName, string la, TimeSpan lifetime, BlobSasPermissions permissions)
    {
        if (la.Length != 3 || !la.All(char.IsAsciiDigit))
            throw new OptionsValidationException("sas", typeof(string), [$"'{la}' is not a 3-digit DfE LA code."]);
        var parts = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        if (!parts.TryGetValue("AccountName", out var account) || !parts.TryGetValue("AccountKey", out var key))
            throw new OptionsValidationException("sas", typeof(string), ["Landing:BlobConnectionString has no AccountName/AccountKey, which signing a URL needs."]);
        var container = new BlobServiceClient(connectionString).GetBlobContainerClient(containerName);
        var sas = new BlobSasBuilder
        {
            BlobContainerName = containerName,
            BlobName = la,
            Resource = "d",
            IsDirectory = true,
            ExpiresOn = DateTimeOffset.UtcNow.Add(lifetime),
        };
        sas.SetPermissions(permissions);
        return new BlobUriBuilder(container.Uri) { BlobName = la, Sas = sas.ToSasQueryParameters(new StorageSharedKeyCredential(account, key)) }.ToUri();
    }
}
