using RegionalWarehouse.Warehouse.Engines;

namespace RegionalWarehouse.Etl.Governance;

/// <summary>One loaded return whose child-level rows are past the retention its LA's agreement sets.</summary>
public sealed record ExpiredReturn(
    string LaCode, string ReturnType, string Period, long SubmissionId, string AgreementId, int RetentionYears, DateOnly PeriodEnds, DateOnly ExpiredOn,
    IReadOnlyDictionary<string, long> RowsByTable)
{
    public long Rows => RowsByTable.Values.Sum();
}

/// <summary>
/// Which loaded child-level returns are past their retention on a day: for each LA's current submission of a return
/// taken under agreement (903, Supporting Families), the retention of the agreement in force that day (the longest,
/// if several are), or of the latest one when none is; a return expires that many years after the end of its period.
/// A return from an LA with no agreement at all is never counted: nothing says how long it may be kept. A return
/// whose rows <see cref="ExpiredReturnDeletion"/> has already deleted is not listed again.
/// </summary>
public static class RetentionPlan
{
    public static IReadOnlyList<ExpiredReturn> Find(IWarehouseEngine engine, IEnumerable<IReturnType> returnTypes, DateOnly today)
    {
        var types = returnTypes.Where(t => t.SharedUnderAgreement).ToDictionary(t => t.Code, StringComparer.OrdinalIgnoreCase);
        using var connection = engine.Open();
        var current = new List<(string La, string ReturnType, string Period, long Id)>();
        using (var command = connection.Command(null, """
                   select la_code, return_type, period, submission_id from etl.current_submission
                   where submission_id not in (select submission_id from etl.retention_deletion)
                   order by la_code, return_type, period
                   """))
        using (var reader = command.ExecuteReader())
            while (reader.Read())
                if (types.ContainsKey(reader.GetString(1)))
                    current.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), Convert.ToInt64(reader.GetValue(3))));

        var expired = new List<ExpiredReturn>();
        foreach (var (la, returnType, period, id) in current)
        {
            var type = types[returnType];
            if (type.PeriodEnds(period) is not { } ends)
                continue;
            var agreements = DataSharingAgreements.For(connection, engine, la, type.Code);
            var governing = agreements.Where(a => a.InForceOn(today)).OrderByDescending(a => a.RetentionYears).FirstOrDefault()
                            ?? agreements.OrderByDescending(a => a.EndsOn ?? DateOnly.MaxValue).FirstOrDefault();
            if (governing is null)
                continue;
            var expiresOn = ends.AddYears(governing.RetentionYears).AddDays(1);
            if (expiresOn > today)
                continue;
            var rows = new SortedDictionary<string, long>(StringComparer.Ordinal);
            foreach (var table in type.FactTables)
            {
                using var count = connection.Command(null, $"select count(*) from {table} where submission_id = {engine.Parameter("id")}", ("id", id));
                rows[table] = Convert.ToInt64(count.ExecuteScalar());
            }
            expired.Add(new ExpiredReturn(la, type.Code, period, id, governing.Id, governing.RetentionYears, ends, expiresOn, rows));
        }
        return expired;
    }
}
