namespace RegionalWarehouse.SemanticModel;

public sealed record ModelColumn(string Name, string Source, string Description, bool Hidden = false, bool IsKey = false, string? FormatString = null);

public sealed record ModelMeasure(string Name, string Expression, string FormatString, string DisplayFolder, string Description, bool Hidden = false);

public enum TableRole
{
    Dimension,
    Date,
    Comparator,
    ChildLevel,
    Security,
}

public sealed record ModelTable(string Name, string View, TableRole Role, string Description, IReadOnlyList<ModelColumn> Columns, IReadOnlyList<ModelMeasure>? Measures = null)
{
    public IReadOnlyList<ModelMeasure> AllMeasures => Measures ?? [];
}

public sealed record ModelRelationship(string FromTable, string FromColumn, string ToTable, string ToColumn);

public sealed record ModelRole(string Name, string Description, IReadOnlyList<(string Table, string Filter)> Permissions);

/// <summary>
/// The regional benchmarking model: which warehouse views become which tables, their columns, the
/// relationships (fact → dimension, single direction, integer keys), the measures (one per catalogue
/// metric, from <see cref="RegionalWarehouse.Etl.Benchmarks.MetricCatalogue"/>) and the row-level security roles.
/// </summary>
public static class ModelDesign
{
    public const string Benchmark = "Benchmark";

    public static IReadOnlyList<ModelTable> Tables { get; } =
    [
        new("Local Authority", "bi.local_authority", TableRole.Dimension, "One row per local authority: codes, name, type and region.",
        [
            new("LA Key", "la_key", "Surrogate key of the local authority.", Hidden: true, IsKey: true, FormatString: "0"),
            new("DfE Code", "dfe_code", "The LA's 3-digit DfE code, e.g. 919."),
            new("ONS Code", "ons_code", "The LA's ONS (GSS) code, e.g. E10000015."),
            new("LA Name", "la_name", "The local authority's name."),
            new("LA Type", "la_type", "County or unitary authority."),
            new("Region Code", "region_code", "The ONS code of the LA's region."),
            new("Region Name", "region_name", "The LA's region."),
            new("Platform Member", "is_platform_member", "True for the LAs that submit to the platform; every other English LA is here for published comparators."),
            new("Hex X", "hex_x", "Across position of the LA's hexagon in the shipped hex layout (Open Innovations hexmaps, MIT).", Hidden: true, FormatString: "0.00"),
            new("Hex Y", "hex_y", "Up position of the LA's hexagon in the shipped hex layout (north is up).", Hidden: true, FormatString: "0.00"),
            new("Figures Are Synthetic", "figures_are_synthetic", "1 where this warehouse holds synthetic returns for the LA (the demo's members): its figures are made up, calibrated to its published ones; 0 for real returns and published figures.", FormatString: "0"),
        ],
        [
            new("Map X", "IF ( HASONEVALUE ( 'Local Authority'[LA Key] ), MIN ( 'Local Authority'[Hex X] ) )", "0.00", "Map", "Across position of the LA in context on the hex map (the Map page plots it); blank for more than one LA."),
            new("Map Y", "IF ( HASONEVALUE ( 'Local Authority'[LA Key] ), MIN ( 'Local Authority'[Hex Y] ) )", "0.00", "Map", "Up position of the LA in context on the hex map; blank for more than one LA."),
        ]),
        new("Date", "bi.calendar", TableRole.Date, "The calendar, with financial and 903 collection years (marked as the model's date table).",
        [
            new("Date Key", "date_key", "The date as yyyymmdd.", Hidden: true, FormatString: "0"),
            new("Date", "calendar_date", "The calendar date.", IsKey: true, FormatString: "dd/mm/yyyy"),
            new("Calendar Year", "calendar_year", "The calendar year.", FormatString: "0"),
            new("Month Number", "calendar_month", "The month number, 1-12.", Hidden: true, FormatString: "0"),
            new("Month", "month_name", "The month's name."),
            new("Financial Year", "financial_year", "The financial year, e.g. 2023-24."),
            new("Collection Year (date)", "collection_year", "The collection year the date falls in (its 31 March).", Hidden: true, FormatString: "0"),
        ]),
        new("Collection Year", "bi.collection_year", TableRole.Dimension, "Collection years, each ending on 31 March (2024 is April 2023 to March 2024).",
        [
            new("Collection Year", "collection_year", "The year ending 31 March, e.g. 2024.", IsKey: true, FormatString: "0"),
            new("Year Label", "year_label", "The financial year, e.g. 2023-24."),
            new("Year Start", "year_start", "The first day of the collection year.", FormatString: "dd/mm/yyyy"),
            new("Year End", "year_end", "The last day (31 March).", FormatString: "dd/mm/yyyy"),
        ]),
        new("Metric", "bi.metric", TableRole.Dimension, "The metric catalogue: one row per benchmark metric (see docs/metrics.md).",
        [
            new("Metric Key", "metric_key", "Surrogate key of the metric (its display order).", Hidden: true, IsKey: true, FormatString: "0"),
            new("Metric Id", "metric_id", "The metric's stable id, e.g. cla_rate_per_10k."),
            new("Metric Name", "name", "The metric's name."),
            new("Metric Description", "description", "How the metric is defined."),
            new("Theme", "theme", "The theme the metric belongs to."),
            new("Unit", "unit", "Count, Percent, RatePer10k, Mean or Days."),
            new("Polarity", "polarity", "HigherIsBetter, LowerIsBetter or Neutral."),
            new("Numerator Definition", "numerator", "What the metric counts (its numerator), for \"explain this number\"."),
            new("Denominator Definition", "denominator", "What the count is divided by (empty for counts)."),
        ]),
        new(Benchmark, "bi.benchmark", TableRole.Comparator,
            "One row per LA, collection year and metric, after small-number suppression, with its comparators and where each came from. Not filtered by row-level security, so benchmarks stay whole. " +
            "Comparators marked published are the DfE's: " + RegionalWarehouse.Etl.Lait.LaitSchema.Attribution,
        [
            new("LA Key", "la_key", "Key of the local authority.", Hidden: true, FormatString: "0"),
            new("Collection Year", "collection_year", "Key of the collection year.", Hidden: true, FormatString: "0"),
            new("Metric Key", "metric_key", "Key of the metric.", Hidden: true, FormatString: "0"),
            new("Numerator", "numerator", "The metric's numerator (empty when suppressed).", Hidden: true, FormatString: "#,0"),
            new("Denominator", "denominator", "The metric's denominator (empty when suppressed).", Hidden: true, FormatString: "#,0"),
            new("Value", "value", "The LA's value (empty when suppressed or unavailable).", Hidden: true, FormatString: "#,0.0"),
            new("Suppressed", "suppressed", "True when small numbers were suppressed."),
            new("Region Comparator", "region_value", "The region's value (published where the DfE publishes it).", Hidden: true, FormatString: "#,0.0"),
            new("Neighbour Comparator", "neighbour_average", "Mean of the statistical neighbours' unsuppressed values.", Hidden: true, FormatString: "#,0.0"),
            new("England Comparator", "england_value", "England's published value.", Hidden: true, FormatString: "#,0.0"),
            new("Rank", "rank_in_region", "Rank within the region, 1 is best.", Hidden: true, FormatString: "0"),
            new("LAs Ranked", "la_count_ranked", "How many LAs were ranked.", Hidden: true, FormatString: "0"),
            new("Quartile Band", "quartile", "Quartile within the region, 1 is best.", Hidden: true, FormatString: "0"),
            new("Region Source", "region_source", "Where the region's value came from: published (the DfE's) or recomputed (from the members' returns)."),
            new("England Source", "england_source", "published when England's value is the DfE's; empty when none is loaded."),
            new("Neighbour Median Comparator", "neighbour_median", "Median of the statistical neighbours' values.", Hidden: true, FormatString: "#,0.0"),
            new("Neighbours Counted", "neighbour_count", "How many of the ten DfE neighbours had a value.", Hidden: true, FormatString: "0"),
            new("Neighbour Source", "neighbour_source", "published, recomputed (members' own values) or mixed."),
            new("England Rank", "rank_in_england", "Rank among every English LA with a value (members' own, others published), 1 is best.", Hidden: true, FormatString: "0"),
            new("LAs Ranked In England", "la_count_england", "How many English LAs were ranked.", Hidden: true, FormatString: "0"),
            new("England Quartile Band", "quartile_england", "Quartile across England by the metric's polarity, 1 is best.", Hidden: true, FormatString: "0"),
            new("Published Comparator", "published_value", "The DfE's published figure for this LA (LAIT or an open-data file).", Hidden: true, FormatString: "#,0.0"),
            new("Published Differs", "published_differs", "True when the LA's own figure differs from its published one by more than the metric's tolerance."),
            new("Band", "band", "Quartile band A-D by the metric's polarity (A = best quarter): across England where ranked there, else within the region; Band Scope says which."),
            new("Band Scope", "band_scope", "Which set the band is drawn from: England (every English LA, as the DfE's LAIT bands) or region (the platform's LAs)."),
        ]),
        new("Early Warning", "bi.early_warning", TableRole.Comparator,
            "Each member's figure against England, the region, its statistical neighbours and its own previous three years: funnel-plot limits at 95% and 99.8% at its denominator (PHE Fingertips' method: Wilson for percentages, Poisson for rates) and the verdict. Suppressed figures are never tested.",
        [
            new("LA Key", "la_key", "Key of the local authority.", Hidden: true, FormatString: "0"),
            new("Collection Year", "collection_year", "Key of the collection year.", Hidden: true, FormatString: "0"),
            new("Metric Key", "metric_key", "Key of the metric.", Hidden: true, FormatString: "0"),
            new("Comparator", "comparator", "What the figure is tested against: England, East of England, Statistical neighbours or Own previous 3 years (pooled)."),
            new("Tested Value", "value", "The LA's figure, in the metric's unit.", FormatString: "#,0.0"),
            new("Target", "target", "The comparator's figure the funnel is drawn around.", FormatString: "#,0.0"),
            new("Funnel Denominator", "denominator", "The LA's denominator: the x axis of the funnel.", FormatString: "#,0"),
            new("Lower 95", "lower_95", "Lower 95% limit at the LA's denominator.", FormatString: "#,0.0"),
            new("Upper 95", "upper_95", "Upper 95% limit at the LA's denominator.", FormatString: "#,0.0"),
            new("Lower 99.8", "lower_99_8", "Lower 99.8% limit at the LA's denominator.", FormatString: "#,0.0"),
            new("Upper 99.8", "upper_99_8", "Upper 99.8% limit at the LA's denominator.", FormatString: "#,0.0"),
            new("Significance", "significance", "High or Low at 95% or 99.8%, or Not significant."),
            new("Reading", "reading", "better or worse by the DfE's polarity; higher or lower where it gives none; similar when not significant."),
        ],
        [
            new("Significant Flags", "CALCULATE ( COUNTROWS ( 'Early Warning' ), 'Early Warning'[Significance] <> \"Not significant\" )", "0", "Early warning",
                "How many tests in context are significantly different from their comparator."),
        ]),
        new("Placement Forecast", "bi.placement_forecast", TableRole.Comparator,
            "Children looked after at 31 March by placement group, projected one to five years from the last loaded year by a multi-state model fitted to each LA's 903: the median and 80% and 95% prediction intervals (never a fact: show the intervals and the back-test beside it). Area E12000006 is the region.",
        [
            new("LA Key", "la_key", "Key of the local authority; blank on the region's rows.", Hidden: true, FormatString: "0"),
            new("Area Code", "area_code", "The LA's DfE code, or E12000006 for the region."),
            new("Area Name", "area_name", "The LA's name, or East of England."),
            new("Base Year", "base_year", "The last loaded year the forecast starts from.", FormatString: "0"),
            new("Forecast Year", "forecast_year", "The 31 March projected.", FormatString: "0"),
            new("Years Ahead", "years_ahead", "1 to 5.", FormatString: "0"),
            new("Placement Group", "placement_group", "Foster placements, Residential settings, Placed with parents, Placed for adoption, Independent living, Other placements, or All placements."),
            new("Median", "median", "The median of the simulations.", FormatString: "#,0"),
            new("Lower 80", "lower_80", "Lower end of the 80% prediction interval.", FormatString: "#,0"),
            new("Upper 80", "upper_80", "Upper end of the 80% prediction interval.", FormatString: "#,0"),
            new("Lower 95", "lower_95", "Lower end of the 95% prediction interval.", FormatString: "#,0"),
            new("Upper 95", "upper_95", "Upper end of the 95% prediction interval.", FormatString: "#,0"),
            new("Weekly Cost Low", "weekly_cost_low", "All placements only: the 80% interval's lower end times the LA's lowest S251 weekly unit cost of its last three years (LAIT LACFinance).", FormatString: "£#,0"),
            new("Weekly Cost High", "weekly_cost_high", "All placements only: the 80% interval's upper end times the LA's highest S251 weekly unit cost of its last three years.", FormatString: "£#,0"),
        ]),
        new("Forecast Backtest", "bi.forecast_backtest", TableRole.Comparator,
            "The placement forecast tried on the past: fitted to year t, forecast t+1 to t+3, compared with the loaded returns. Show it beside every forecast.",
        [
            new("LA Key", "la_key", "Key of the local authority.", Hidden: true, FormatString: "0"),
            new("Area Code", "area_code", "The LA's DfE code."),
            new("Area Name", "area_name", "The LA's name."),
            new("Horizon Years", "horizon_years", "How many years ahead the forecasts looked.", FormatString: "0"),
            new("Forecasts", "forecasts", "How many forecasts were compared.", FormatString: "0"),
            new("Mean Absolute Pct Error", "mean_abs_pct_error", "Mean absolute percentage error of the median for all placements.", FormatString: "0.0"),
            new("Coverage 80", "coverage_80", "Share of outcomes inside the 80% interval (nominal 0.8).", FormatString: "0%"),
            new("Coverage 95", "coverage_95", "Share of outcomes inside the 95% interval (nominal 0.95).", FormatString: "0%"),
        ]),
        new("Figure Source", "bi.figure_source", TableRole.Comparator,
            "Explain this number: the current 903 return behind each member's figures for a year, when it was loaded and its data quality.",
        [
            new("LA Key", "la_key", "Key of the local authority.", Hidden: true, FormatString: "0"),
            new("Collection Year", "collection_year", "Key of the collection year.", Hidden: true, FormatString: "0"),
            new("Submission Id", "submission_id", "The submission's number in the ledger (rw status).", FormatString: "0"),
            new("Loaded At", "loaded_at", "When the return was loaded (UTC).", FormatString: "dd/mm/yyyy hh:nn"),
            new("Submission State", "state", "loaded or loaded_with_errors."),
            new("Children In Return", "children", "Children in the return.", FormatString: "#,0"),
            new("Children With Errors", "children_with_errors", "Children with record errors (loaded and flagged in the LA's report).", FormatString: "#,0"),
            new("Children With Errors Pct", "children_with_errors_pct", "The data-quality score: the share of children with record errors.", FormatString: "0.0"),
        ]),
        new("Region Benchmark", "bi.region_benchmark", TableRole.Comparator, "The region's totals per collection year and metric, recomputed from its LAs.",
        [
            new("Region Code", "region_code", "The ONS code of the region."),
            new("Collection Year", "collection_year", "Key of the collection year.", Hidden: true, FormatString: "0"),
            new("Metric Key", "metric_key", "Key of the metric.", Hidden: true, FormatString: "0"),
            new("Region Numerator", "numerator", "The region's numerator.", Hidden: true, FormatString: "#,0"),
            new("Region Denominator", "denominator", "The region's denominator.", Hidden: true, FormatString: "#,0"),
            new("Region Total Value", "value", "The region's value.", Hidden: true, FormatString: "#,0.0"),
            new("Region Suppressed", "suppressed", "True when the region total was suppressed."),
            new("LAs In Total", "la_count", "How many LAs the total covers.", Hidden: true, FormatString: "0"),
        ]),
        new("CLA Episode", "bi.cla_episode", TableRole.ChildLevel,
            "Episodes of care (the latest return's version), child-level and pseudonymous: LA analysts see only their own LA's rows.",
        [
            new("LA Key", "la_key", "Key of the local authority.", Hidden: true, FormatString: "0"),
            new("Collection Year", "collection_year", "The collection year of the return the episode came from.", Hidden: true, FormatString: "0"),
            new("Child Key", "child_key", "The child's keyed pseudonym (never the LA's identifier).", Hidden: true, FormatString: "0"),
            new("Start Date Key", "start_date_key", "Key of the episode's start date.", Hidden: true, FormatString: "0"),
            new("Legal Status", "legal_status", "The 903 legal status code."),
            new("Category Of Need", "category_of_need", "The 903 category of need code."),
            new("Placement Type", "placement_type", "The 903 placement type code."),
            new("Reason Ceased", "reason_ceased", "The 903 reason episode ceased code (blank while open)."),
            new("Age At Start", "age_at_start", "The child's age in whole years when the episode started.", Hidden: true, FormatString: "0"),
        ],
        [
            new("Episodes", "COUNTROWS ( 'CLA Episode' )", "#,0", "Child level", "Number of episodes of care (your own LA's only, for LA analysts)."),
            new("Children With Episodes", "DISTINCTCOUNT ( 'CLA Episode'[Child Key] )", "#,0", "Child level", "Number of distinct children with an episode."),
        ]),
        new("SF Family", "bi.sf_family", TableRole.ChildLevel,
            "Supporting Families families per financial year (latest quarterly row), pseudonymous: LA analysts see only their own LA's rows.",
        [
            new("LA Key", "la_key", "Key of the local authority.", Hidden: true, FormatString: "0"),
            new("Collection Year", "collection_year", "The financial year's end.", Hidden: true, FormatString: "0"),
            new("Family Key", "family_key", "The family's keyed pseudonym.", Hidden: true, FormatString: "0"),
            new("Attached Date Key", "attached_date_key", "Key of the attachment date.", Hidden: true, FormatString: "0"),
            new("Lead Service", "lead_service", "The lead practitioner's service."),
            new("Need Count", "need_count", "Headline needs identified.", Hidden: true, FormatString: "0"),
            new("Claim Type", "claim_type", "SSP, EMP or blank."),
            new("Attached In Year", "attached_in_year", "1 when attached in the financial year.", Hidden: true, FormatString: "0"),
            new("Claimed In Year", "claimed_in_year", "1 when a claim was made in the financial year.", Hidden: true, FormatString: "0"),
            new("Days To Claim", "days_to_claim", "Days from attachment to the claim.", Hidden: true, FormatString: "#,0"),
        ],
        [
            new("Families", "COUNTROWS ( 'SF Family' )", "#,0", "Child level", "Number of families worked with (your own LA's only, for LA analysts)."),
        ]),
        new("Indicator", "bi.indicator", TableRole.Dimension,
            "Contextual indicators a metric can be correlated with: the operator's own (population, deprivation) and every LAIT indicator.",
        [
            new("Indicator Key", "indicator_key", "Surrogate key of the indicator.", Hidden: true, IsKey: true, FormatString: "0"),
            new("Indicator Code", "indicator_code", "The indicator's code, e.g. imd_average_score."),
            new("Indicator Name", "name", "The indicator's name."),
            new("Indicator Unit", "unit", "The indicator's unit."),
            new("Indicator Polarity", "polarity", "HigherIsBetter, LowerIsBetter or Neutral."),
            new("Indicator Description", "description", "What the indicator measures."),
            new("Indicator Source", "source", "Who publishes it."),
        ]),
        new("Indicator Value", "bi.indicator_value", TableRole.Comparator,
            "Each LA's latest value of each indicator at or before each collection year, as the dashboard's scatter and `rw correlate` pair them.",
        [
            new("Collection Year", "collection_year", "Key of the collection year.", Hidden: true, FormatString: "0"),
            new("LA Key", "la_key", "Key of the local authority.", Hidden: true, FormatString: "0"),
            new("Indicator Key", "indicator_key", "Key of the indicator.", Hidden: true, FormatString: "0"),
            new("Indicator Raw Value", "value", "The indicator's value (use the Indicator Value measure).", Hidden: true, FormatString: "#,0.00"),
            new("Indicator Period", "indicator_period", "The year of the indicator's value used (its latest at or before the collection year).", Hidden: true, FormatString: "0"),
        ],
        [
            new("Indicator Value", "AVERAGE ( 'Indicator Value'[Indicator Raw Value] )", "#,0.00", "Correlation", "The indicator in context's value for the LA in context (one indicator selected)."),
            new("Correlation r", CorrelationDax(r: true), "0.00", "Correlation",
                "Pearson's r across the LAs in context between the metric in context (LA Value) and the indicator in context. Correlation across 11 areas is weak evidence: treat it as a question, not an answer."),
            new("LAs Correlated", CorrelationDax(r: false), "0", "Correlation", "n: how many LAs have both a metric value and an indicator value in context."),
        ]),
        new("User LA Access", "bi.user_la_access", TableRole.Security,
            "Which LA's child-level rows of which return each analyst may see: the platform's Access configuration, where the LA has a child-level data-sharing agreement in force for that return; used only by the LA Analyst role.",
        [
            new("User Principal Name", "user_principal_name", "The analyst's sign-in name.", Hidden: true),
            new("LA Key", "la_key", "The LA whose child-level rows they may see.", Hidden: true, FormatString: "0"),
            new("Return Type", "return_type", "The return (SSDA903, SF) whose rows the LA's agreement shares at child level.", Hidden: true),
        ]),
    ];

    public static IReadOnlyList<ModelRelationship> Relationships { get; } =
    [
        new(Benchmark, "LA Key", "Local Authority", "LA Key"),
        new(Benchmark, "Collection Year", "Collection Year", "Collection Year"),
        new(Benchmark, "Metric Key", "Metric", "Metric Key"),
        new("Early Warning", "LA Key", "Local Authority", "LA Key"),
        new("Early Warning", "Collection Year", "Collection Year", "Collection Year"),
        new("Early Warning", "Metric Key", "Metric", "Metric Key"),
        new("Figure Source", "LA Key", "Local Authority", "LA Key"),
        new("Placement Forecast", "LA Key", "Local Authority", "LA Key"),
        new("Forecast Backtest", "LA Key", "Local Authority", "LA Key"),
        new("Figure Source", "Collection Year", "Collection Year", "Collection Year"),
        new("Region Benchmark", "Collection Year", "Collection Year", "Collection Year"),
        new("Region Benchmark", "Metric Key", "Metric", "Metric Key"),
        new("CLA Episode", "LA Key", "Local Authority", "LA Key"),
        new("CLA Episode", "Collection Year", "Collection Year", "Collection Year"),
        new("CLA Episode", "Start Date Key", "Date", "Date Key"),
        new("SF Family", "LA Key", "Local Authority", "LA Key"),
        new("SF Family", "Collection Year", "Collection Year", "Collection Year"),
        new("SF Family", "Attached Date Key", "Date", "Date Key"),
        new("Indicator Value", "LA Key", "Local Authority", "LA Key"),
        new("Indicator Value", "Collection Year", "Collection Year", "Collection Year"),
        new("Indicator Value", "Indicator Key", "Indicator", "Indicator Key"),
    ];

    /// <summary>Pearson's r (or n) over the LAs in context that have both values: the dashboard's and `rw correlate`'s formula, in DAX.</summary>
    private static string CorrelationDax(bool r) => string.Join("\n",
    [
        "VAR Pairs = FILTER ( ADDCOLUMNS ( VALUES ( 'Local Authority'[LA Key] ), \"@x\", [Indicator Value], \"@y\", [LA Value] ), NOT ISBLANK ( [@x] ) && NOT ISBLANK ( [@y] ) )",
        "VAR N = COUNTROWS ( Pairs )",
        "VAR MeanX = AVERAGEX ( Pairs, [@x] )",
        "VAR MeanY = AVERAGEX ( Pairs, [@y] )",
        "VAR Sxy = SUMX ( Pairs, ( [@x] - MeanX ) * ( [@y] - MeanY ) )",
        "VAR Sxx = SUMX ( Pairs, ( [@x] - MeanX ) ^ 2 )",
        "VAR Syy = SUMX ( Pairs, ( [@y] - MeanY ) ^ 2 )",
        r ? "RETURN IF ( N >= 3, DIVIDE ( Sxy, SQRT ( Sxx * Syy ) ) )" : "RETURN N",
    ]);

    private static string OwnLa(string returnType) =>
        $"IN CALCULATETABLE ( VALUES ( 'User LA Access'[LA Key] ), 'User LA Access'[User Principal Name] = USERPRINCIPALNAME (), 'User LA Access'[Return Type] = \"{returnType}\" )";

    /// <summary>
    /// RLS filters the child-level tables themselves, never Local Authority: filtering the dimension would
    /// also filter Benchmark and break region, neighbour and England comparisons for restricted viewers.
    /// </summary>
    public static IReadOnlyList<ModelRole> Roles { get; } =
    [
        new("LA Analyst", "LA analysts: child-level rows of their own LA where its agreement shares them (User LA Access), all benchmarks and comparators.",
        [
            ("CLA Episode", $"'CLA Episode'[LA Key] {OwnLa(RegionalWarehouse.Etl.Ssda903.Ssda903Schema.ReturnType)}"),
            ("SF Family", $"'SF Family'[LA Key] {OwnLa(RegionalWarehouse.Etl.SupportingFamilies.SfSchema.ReturnType)}"),
            ("User LA Access", "'User LA Access'[User Principal Name] = USERPRINCIPALNAME ()"),
        ]),
        new("Regional Lead", "Regional leads: benchmarks and comparators for every LA, no child-level rows.",
        [
            ("CLA Episode", "FALSE ()"),
            ("SF Family", "FALSE ()"),
            ("User LA Access", "FALSE ()"),
        ]),
    ];

    /// <summary>The DAX for one catalogue metric over the Benchmark table: pooled numerator over pooled denominator.</summary>
    public static string MetricDax(RegionalWarehouse.Etl.Benchmarks.Metric metric)
    {
        const string numerator = "SUM ( 'Benchmark'[Numerator] )";
        const string denominator = "SUM ( 'Benchmark'[Denominator] )";
        var value = metric.Unit switch
        {
            RegionalWarehouse.Etl.Benchmarks.MetricUnit.Count => numerator,
            RegionalWarehouse.Etl.Benchmarks.MetricUnit.Percent => $"DIVIDE ( {numerator}, {denominator} ) * 100",
            RegionalWarehouse.Etl.Benchmarks.MetricUnit.RatePer10k => $"DIVIDE ( {numerator}, {denominator} ) * 10000",
            _ => $"DIVIDE ( {numerator}, {denominator} )",
        };
        return $"CALCULATE ( {value}, 'Metric'[Metric Id] = \"{metric.Id}\" )";
    }

    /// <summary>Only when one LA, one metric and one year are in context: more of any, and a figure would be another's.</summary>
    private const string OneLaMetricAndYear =
        "HASONEVALUE ( 'Benchmark'[LA Key] ) && HASONEVALUE ( 'Benchmark'[Metric Key] ) && HASONEVALUE ( 'Benchmark'[Collection Year] )";

    /// <summary>Region and England figures do not depend on the LA: one metric and one year are enough.</summary>
    private const string OneMetricAndYear = "HASONEVALUE ( 'Benchmark'[Metric Key] ) && HASONEVALUE ( 'Benchmark'[Collection Year] )";

    private static ModelMeasure Guarded(string name, string guard, string aggregate, string format, string description) =>
        new(name, $"IF ( {guard}, {aggregate} )", format, "Comparators", $"{description} Blank unless the context holds one of each it needs.");

    /// <summary>
    /// Comparator measures for visuals driven by LA, metric and year slicers. Each returns a figure only when its
    /// context holds exactly one LA (where it depends on the LA), one metric and one year, and blank otherwise, so
    /// no visual can show one LA's or year's figure as another's.
    /// </summary>
    public static IReadOnlyList<ModelMeasure> ComparatorMeasures { get; } =
    [
        Guarded("LA Value", OneLaMetricAndYear, "MAX ( 'Benchmark'[Value] )", "#,0.0", "The selected LA's value for the metric in context (blank when suppressed)."),
        Guarded("Region Value", OneMetricAndYear, "MAX ( 'Benchmark'[Region Comparator] )", "#,0.0", "The region's value for the metric in context."),
        Guarded("Neighbour Average", OneLaMetricAndYear, "MAX ( 'Benchmark'[Neighbour Comparator] )", "#,0.0", "The statistical neighbours' average for the metric in context."),
        Guarded("England Value", OneMetricAndYear, "MAX ( 'Benchmark'[England Comparator] )", "#,0.0", "England's value for the metric in context."),
        Guarded("Rank In Region", OneLaMetricAndYear, "MIN ( 'Benchmark'[Rank] )", "0", "Rank within the region, 1 is best."),
        Guarded("Quartile", OneLaMetricAndYear, "MIN ( 'Benchmark'[Quartile Band] )", "0", "Quartile within the region, 1 is best."),
        Guarded("Neighbour Median", OneLaMetricAndYear, "MAX ( 'Benchmark'[Neighbour Median Comparator] )", "#,0.0", "The statistical neighbours' median for the metric in context."),
        Guarded("Rank In England", OneLaMetricAndYear, "MIN ( 'Benchmark'[England Rank] )", "0", "Rank among every English LA, 1 is best."),
        Guarded("Quartile In England", OneLaMetricAndYear, "MIN ( 'Benchmark'[England Quartile Band] )", "0", "Quartile across England, 1 is best."),
        Guarded("Published Value", OneLaMetricAndYear, "MAX ( 'Benchmark'[Published Comparator] )", "#,0.0", "The DfE's published figure for the LA in context."),
        // The Map page colours each LA's point by this (the dashboard's band colours; grey: no band).
        Guarded("Band Colour", OneLaMetricAndYear,
            "SWITCH ( SELECTEDVALUE ( 'Benchmark'[Band] ), \"A\", \"#1b7837\", \"B\", \"#a6dba0\", \"C\", \"#c2a5cf\", \"D\", \"#762a83\", \"#b1b4b6\" )", "",
            "The colour of the LA's band for the metric in context (A dark green to D purple; grey when unbanded).") with { Hidden = true },
    ];

    /// <summary>The licence every published table's data comes under, said in its description and on every report page.</summary>
    public const string Attribution =
        "Contains public sector information licensed under the Open Government Licence v3.0: the DfE's published statistics (LAIT, statistical neighbours) and ONS population estimates.";
}
