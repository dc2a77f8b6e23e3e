using RegionalWarehouse.Etl.Submissions;
using RegionalWarehouse.Synthetic.Context;
using RegionalWarehouse.Synthetic.Ssda903;
using RegionalWarehouse.Synthetic.SupportingFamilies;

namespace RegionalWarehouse.Synthetic.Demo;

/// <summary>Which synthetic returns to write.</summary>
[Flags]
public enum SyntheticKinds
{
    Ssda903 = 1,
    SupportingFamilies = 2,
    Context = 4,
    All = Ssda903 | SupportingFamilies | Context,
}

/// <summary>
/// Writes demo submissions into a landing folder exactly as LAs and the operator would drop them:
/// synthetic 903 and Supporting Families per LA, synthetic region-wide population and deprivation, and the
/// DfE's real published data (LAIT and the statistical neighbour model), so comparators are never invented.
/// </summary>
public sealed class SyntheticLanding(string root, string submissionName)
{
    public event Action<string>? Written;

    public static int CountSubmissions(SyntheticKinds kinds, int las, int firstYear, int lastYear) =>
        (kinds.HasFlag(SyntheticKinds.Ssda903) ? las * (lastYear - firstYear + 1) : 0)
        + (kinds.HasFlag(SyntheticKinds.SupportingFamilies) ? las * SfGenerator.Periods(firstYear, lastYear).Count : 0)
        + (kinds.HasFlag(SyntheticKinds.Context) ? 2 + PublishedData.All.Count : 0);

    public void Write(SyntheticKinds kinds, GeneratorRequest request)
    {
        if (kinds.HasFlag(SyntheticKinds.Context))
            WriteContext(request);
        if (kinds.HasFlag(SyntheticKinds.Ssda903))
            foreach (var generated in Ssda903Generator.Generate(request))
                Report(Ssda903Generator.Write(generated, root, submissionName));
        if (kinds.HasFlag(SyntheticKinds.SupportingFamilies))
            foreach (var sf in SfGenerator.Generate(request.LaCodes, request.FirstYear, request.LastYear, request.Seed, request.Scale))
                Report(LandingLayout.WriteSubmission(root, sf.LaCode, SfSchema.ReturnType, sf.Period.ToString(), submissionName,
                    new Dictionary<string, IEnumerable<string>> { [$"sf_{sf.LaCode}_{sf.Period}.csv"] = sf.Lines }));
    }

    /// <summary>Takes the folder just written (the write happens whether or not anyone listens).</summary>
    private void Report(string folder) => Written?.Invoke(folder);

    private void WriteContext(GeneratorRequest request)
    {
        const string region = SubmissionIdentity.RegionWide;
        // Rates divide by the mid-year before each collection year, so population starts a year earlier.
        Report(LandingLayout.WriteSubmission(root, region, PopulationReturnType.ReturnCode, (request.LastYear - 1).ToString(), submissionName,
            new Dictionary<string, IEnumerable<string>> { ["population_mid_year.csv"] = ContextGenerator.Population(request.LaCodes, request.FirstYear - 1, request.LastYear - 1, request.Seed, request.Scale) }));
        Report(LandingLayout.WriteSubmission(root, region, DeprivationReturnType.ReturnCode, "2019", submissionName,
            new Dictionary<string, IEnumerable<string>> { ["imd2019_upper_tier.csv"] = ContextGenerator.Deprivation(request.LaCodes) }));
        foreach (var release in PublishedData.All)
        {
            var folder = PublishedData.WriteTo(release, Path.Combine(root, region, release.ReturnType, release.Period, submissionName));
            File.WriteAllText(Path.Combine(folder, SubmissionFiles.ReadyMarker), "");
            Report(folder);
        }
    }
}
