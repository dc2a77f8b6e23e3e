using RegionalWarehouse.Etl.Csv;
using RegionalWarehouse.Etl.SupportingFamilies;
using RegionalWarehouse.Etl.Tabular;

namespace RegionalWarehouse.Tests.SupportingFamilies;

public class SfTemplateTests
{
    [Fact]
    public void The_checked_in_data_dictionary_is_the_one_the_template_generates()
    {
        var checkedIn = File.ReadAllText(Path.Combine(Azurite.RepositoryRoot(), "docs", "supporting-families.md"));

        Assert.Equal(SfTemplate.Markdown(new SfReturnType().RuleCatalogue).ReplaceLineEndings(), checkedIn.ReplaceLineEndings());
    }

    [Fact]
    public void Rw_template_writes_a_csv_and_an_excel_workbook_whose_first_sheet_is_the_layout_with_a_guide_beside_it()
    {
        var folder = Directory.CreateTempSubdirectory("rw-template-").FullName;
        try
        {
            var result = RwProcess.Run(folder, null, "template", "sf", "--out", "templates");

            Assert.Equal(0, result.ExitCode);
            Assert.Equal(string.Join(",", SfSchema.Columns), File.ReadAllText(Path.Combine(folder, "templates", "supporting-families-template.csv")).Trim());
            var xlsx = Path.Combine(folder, "templates", "supporting-families-template.xlsx");
            using var reader = XlsxTableReader.Open(new ReturnFile("t.xlsx", () => File.OpenRead(xlsx)));
            Assert.Equal(SfSchema.Columns, reader.Header);
            Assert.Empty(reader.Rows());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Without_out_the_template_goes_under_data_not_into_the_working_folder()
    {
        var folder = Directory.CreateTempSubdirectory("rw-template-").FullName;
        try
        {
            Assert.Equal(0, RwProcess.Run(folder, null, "template", "sf").ExitCode);

            Assert.True(File.Exists(Path.Combine(folder, "data", "templates", "supporting-families-template.csv")));
            Assert.Empty(Directory.GetFiles(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Rw_rules_lists_each_return_types_rules()
    {
        var result = RwProcess.Run(Path.GetTempPath(), null, "rules", "--return", "SF");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("SF-15", result.Output);
        Assert.Contains("TAB-01", result.Output);
        Assert.DoesNotContain("EPI-01", result.Output);
    }
}
