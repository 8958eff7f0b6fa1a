using System.Text.Json;

namespace Tradewire.Cli.BurnIn;

/// <summary>
/// One <c>burnin check</c> result, as archived in <c>.tradewire/reports/burnin-check-DATE.json</c>: the day's
/// criteria, whether the kill switch was exercised that day, and the GO/NO-GO verdict. <c>burnin gates</c> reads these.
/// </summary>
public sealed record DayResult(DateOnly Date, IReadOnlyList<SessionCheck> Criteria, bool KillSwitchTested)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public bool Go => Criteria.All(c => c.Passed);
    public string Verdict => Go ? "GO" : "NO-GO";

    public static string FileName(DateOnly date) => $"burnin-check-{date:yyyy-MM-dd}.json";

    public string ToJson() => JsonSerializer.Serialize(new { date = Date, verdict = Verdict, killSwitchTested = KillSwitchTested, criteria = Criteria }, Json);

    public static DayResult FromJson(string json)
    {
        var root = JsonDocument.Parse(json).RootElement;
        return new DayResult(root.GetProperty("date").Deserialize<DateOnly>(Json),
            root.GetProperty("criteria").Deserialize<List<SessionCheck>>(Json) ?? [],
            root.GetProperty("killSwitchTested").GetBoolean());
    }

    /// <summary>Every archived check in the directory, oldest date first.</summary>
    public static IReadOnlyList<DayResult> ReadAll(string directory) =>
        !Directory.Exists(directory) ? [] : Directory.GetFiles(directory, "burnin-check-*.json")
            .Select(f => FromJson(File.ReadAllText(f))).OrderBy(d => d.Date).ToList();
}
