using RegionalWarehouse.Etl.Ssda903;
using RegionalWarehouse.Etl.Ssda903.Rules;

namespace RegionalWarehouse.Tests.Ssda903;

/// <summary>How a child's UPN may change between one year's return and the next (the DfE's 208).</summary>
public class UpnHistoryTests
{
    private const string Upn = "L201234567890", OtherUpn = "C301234567891";

    private static long KeyOf(string upn) => upn.GetHashCode(StringComparison.Ordinal);

    private static PreviousChild LastYear(string? upn) => upn is null
        ? new PreviousChild(2, "WBRI", null, null)
        : UpnCheckLetterRule.IsPupilNumber(upn)
            ? new PreviousChild(2, "WBRI", null, null, UpnKey: KeyOf(upn))
            : new PreviousChild(2, "WBRI", null, null, UpnReason: upn);

    [Theory]
    [InlineData(Upn, Upn, false)]
    [InlineData(Upn, OtherUpn, true)]
    [InlineData(Upn, "UN5", true)]
    [InlineData(Upn, "", true)]
    [InlineData("UN1", Upn, false)]
    [InlineData("UN1", "UN3", false)]
    [InlineData("UN2", "UN1", true)]
    [InlineData("UN4", "UN3", true)]
    [InlineData("UN4", "UN4", false)]
    [InlineData("UN4", Upn, false)]
    [InlineData(null, "UN1", false)]
    [InlineData(null, "UN2", false)]
    [InlineData(null, "UN8", false)] // not a reason code the DfE allows (UN1-UN5): HDR-05 reports it, not this comparison
    [InlineData(null, Upn, false)]
    [InlineData(Upn, "NOT-A-UPN", true)] // no longer the UPN last year's return had (HDR-05 also reports its form)
    public void A_known_upn_stays_and_an_unknown_one_may_become_known(string? lastYear, string thisYear, bool disagrees) =>
        Assert.Equal(disagrees, UpnHistory.Disagrees(thisYear, LastYear(lastYear), KeyOf));
}
