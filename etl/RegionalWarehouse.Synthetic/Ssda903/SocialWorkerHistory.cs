namespace RegionalWarehouse.Synthetic.Ssda903;

/// <summary>One allocated social worker for a child, from one day to another (null while still allocated).</summary>
public sealed record SimulatedSocialWorkerEpisode(DateOnly Start, DateOnly? End, string WorkerId, string Reason);

/// <summary>
/// The social workers a child has while in care: one allocated the day care begins, then a change every year or so
/// (the DfE's reasons: a worker leaving the role, a transfer between teams, a management decision…), each new worker
/// taking over the day after the last one's episode ended, until care ends.
/// </summary>
/// <remarks>
/// Drawn from its own random stream, seeded by the child, so adding social workers to the simulation does not move
/// any other calibrated figure (every other draw of <see cref="CareHistorySimulator"/> is unchanged).
/// </remarks>
public static class SocialWorkerHistory
{
    /// <summary>About how long a child keeps a social worker: the workforce census's turnover of about one in six a year, plus moves between teams.</summary>
    private const double MeanDaysWithOneWorker = 330;

    /// <summary>How many social workers an LA's looked-after children's teams share (their ids are drawn from this many).</summary>
    private const int WorkersPerLa = 400;

    private static readonly (string Code, double Weight)[] ChangeReasons =
        [("LEFTRL", 35), ("TSPROC", 25), ("MANAGE", 15), ("ORGRST", 8), ("ABSENC", 7), ("FCONTA", 5), ("CHCHAN", 2), ("PCCHAN", 2), ("OTHERS", 1)];

    public static void Simulate(SimulatedChild child, string laCode, DateOnly horizon)
    {
        if (child.Episodes.Count == 0)
            return;
        var random = new Random(Seed(child.Id));
        var careEnds = child.CareEnded?.Date;
        var start = child.Episodes[0].Start;
        // The first social worker is allocated by a management decision when the child comes into care.
        var reason = "MANAGE";
        while (true)
        {
            var end = start.AddDays(Math.Max(30, (int)(-MeanDaysWithOneWorker * Math.Log(1 - random.NextDouble()))));
            // A change takes effect on 1 April rather than 31 March: on the return's last day the child's worker is open (DfE SW17).
            if (end is { Month: 3, Day: 31 })
                end = end.AddDays(1);
            var worker = $"SW{laCode}{random.Next(1, WorkersPerLa + 1):D4}";
            if ((careEnds is { } ended && end >= ended) || end > horizon)
            {
                child.SocialWorkers.Add(new(start, careEnds is { } e && e <= horizon ? e : null, worker, reason));
                return;
            }
            child.SocialWorkers.Add(new(start, end, worker, reason));
            start = end.AddDays(1);
            reason = Pick(random, ChangeReasons);
        }
    }

    private static string Pick(Random random, (string Code, double Weight)[] options)
    {
        var roll = random.NextDouble() * options.Sum(o => o.Weight);
        foreach (var (code, weight) in options)
        {
            if ((roll -= weight) <= 0)
                return code;
        }
        return options[^1].Code;
    }

    private static int Seed(string childId) => childId.Aggregate(17, (h, c) => unchecked(h * 31 + c));
}
