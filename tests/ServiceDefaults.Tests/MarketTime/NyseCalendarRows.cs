namespace Tradewire.ServiceDefaults.Tests.MarketTime;

/// <summary>
/// The rows of <c>shared/data/calendar/nyse_2024_2027_from_lean.csv</c>
/// (columns <c>date,weekday,type,open_local,close_local</c>; type is <c>holiday</c> or <c>early_close</c>).
/// </summary>
static class NyseCalendarRows
{
    public sealed record Row(DateOnly Date, string Weekday, string Type, TimeOnly? Open, TimeOnly? Close);

    static readonly Lazy<IReadOnlyList<Row>> Loaded = new(Load);

    public static IReadOnlyList<Row> All => Loaded.Value;

    /// <summary>Row dates as ISO strings, so that xunit reports one test case per row.</summary>
    public static TheoryData<string> Dates(string type)
    {
        var data = new TheoryData<string>();
        foreach (var row in All.Where(r => r.Type == type))
            data.Add(row.Date.ToString("yyyy-MM-dd"));
        return data;
    }

    public static Row Get(string date) => All.Single(r => r.Date == DateOnly.ParseExact(date, "yyyy-MM-dd"));

    static IReadOnlyList<Row> Load()
    {
        var lines = File.ReadAllLines(SharedData.NyseCalendarCsv);
        if (lines[0] != "date,weekday,type,open_local,close_local")
            throw new InvalidDataException($"Unexpected header in {SharedData.NyseCalendarCsv}: {lines[0]}");
        return lines.Skip(1).Where(l => l.Length > 0).Select(l =>
        {
            var f = l.Split(',');
            return new Row(DateOnly.ParseExact(f[0], "yyyy-MM-dd"), f[1], f[2], Time(f[3]), Time(f[4]));
        }).ToList();
    }

    static TimeOnly? Time(string text) => text.Length == 0 ? null : TimeOnly.ParseExact(text, "HH:mm");
}
