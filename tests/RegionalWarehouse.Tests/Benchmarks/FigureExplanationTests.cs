using RegionalWarehouse.Etl.Benchmarks;

namespace RegionalWarehouse.Tests.Benchmarks;

/// <summary>"Explain this number": every figure traces to its definition, its numerator and denominator, and the returns behind it.</summary>
[Collection(SevenYearHistory.Name)]
public class FigureExplanationTests(IndependentReferenceTests.SevenYears loaded)
{
    private TemporaryWarehouse Warehouse => loaded.Harness.Warehouse;

    [Fact]
    public void Every_figure_of_an_la_year_is_explained_by_the_numbers_and_the_current_return_behind_it()
    {
        const string la = "919";
        const int year = IndependentReferenceTests.LastYear;
        var mart = Warehouse.Rows($"select metric_id, numerator, denominator from mart.benchmark where la_key = {int.Parse(la)} and collection_year = {year}");
        var current = Warehouse.Rows($"select submission_id from etl.submission where is_current and la_code = '{la}' and return_type = 'SSDA903' and period = '{year}'").Single()[0];

        Assert.NotEmpty(mart);
        foreach (var row in mart)
        {
            var explanation = FigureExplanation.Explain(Warehouse.Engine, la, (string)row[0]!, year);

            Assert.NotNull(explanation);
            Assert.Equal(row[1] is null ? null : Convert.ToDouble(row[1]), explanation.Numerator);
            if (!explanation.Metric.UsesPopulation)
                Assert.Equal(row[2] is null ? null : Convert.ToDouble(row[2]), explanation.Denominator);
            if (!explanation.Metric.Source.StartsWith("dw.sf_", StringComparison.Ordinal))
                Assert.Contains(explanation.Sources, s => s.SubmissionId == Convert.ToInt64(current) && s.Period == year.ToString());
            var lines = explanation.Lines().ToList();
            Assert.Contains(lines, l => l.StartsWith("Definition: " + explanation.Metric.Description, StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("Compared with: East of England", StringComparison.Ordinal));
        }
        // A metric that looks back (long-term stability reads the two years before) names those returns too.
        var stability = FigureExplanation.Explain(Warehouse.Engine, la, "stability_long_term_pct", year)!;
        Assert.Equal([(year - 2).ToString(), (year - 1).ToString(), year.ToString()], stability.Sources.Select(s => s.Period));
    }

    [Fact]
    public void An_unknown_metric_or_an_la_year_with_no_figure_has_no_explanation()
    {
        Assert.Null(FigureExplanation.Explain(Warehouse.Engine, "919", "no_such_metric", IndependentReferenceTests.LastYear));
        Assert.Null(FigureExplanation.Explain(Warehouse.Engine, "919", "cla_31_march", 1990));
    }
}
