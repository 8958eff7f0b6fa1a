using System.Globalization;
using System.Text.Json;

namespace Tradewire.Cli.Shakedown;

/// <summary>
/// The week's baseline the shakedown plan asks the operator to document, saved as
/// <c>shakedown-baseline-END.json</c> so the next week's run can be compared with it.
/// </summary>
public sealed record ShakedownBaseline(DateOnly From, DateOnly To, long TotalExecutions, long UniqueTickers, decimal AvgConfidence,
    decimal GateRejectionPct, decimal AvgPositionSize, string? MostExecutedTicker)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string FileName(DateOnly to) => $"shakedown-baseline-{to:yyyy-MM-dd}.json";

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ShakedownBaseline FromJson(string json) => JsonSerializer.Deserialize<ShakedownBaseline>(json, Json)!;

    /// <summary>The latest baseline saved in <paramref name="directory"/> for a week that ended before <paramref name="to"/>.</summary>
    public static ShakedownBaseline? Previous(string directory, DateOnly to) =>
        !Directory.Exists(directory) ? null : Directory.GetFiles(directory, "shakedown-baseline-*.json")
            .Select(f => FromJson(File.ReadAllText(f))).Where(b => b.To < to).OrderBy(b => b.To).LastOrDefault();

    /// <summary>The baseline's lines, with last week's value beside each one when there is a previous baseline.</summary>
    public IReadOnlyList<string> Lines(ShakedownBaseline? previous)
    {
        string Was<T>(Func<ShakedownBaseline, T> value, string format = "") =>
            previous is null ? "" : $"   (previous week to {previous.To:yyyy-MM-dd}: {string.Format(CultureInfo.InvariantCulture, "{0" + format + "}", value(previous))})";
        return
        [
            $"total executions: {TotalExecutions}{Was(b => b.TotalExecutions)}",
            $"unique tickers: {UniqueTickers}{Was(b => b.UniqueTickers)}",
            $"avg confidence: {AvgConfidence.ToString("0.0000", CultureInfo.InvariantCulture)}{Was(b => b.AvgConfidence, ":0.0000")}",
            $"gate rejection %: {GateRejectionPct.ToString("0.0", CultureInfo.InvariantCulture)}{Was(b => b.GateRejectionPct, ":0.0")}",
            $"avg position size: {AvgPositionSize.ToString("0.00", CultureInfo.InvariantCulture)} ${Was(b => b.AvgPositionSize, ":0.00")}",
            $"most executed ticker: {MostExecutedTicker ?? "none"}{Was(b => b.MostExecutedTicker ?? "none")}",
        ];
    }
}
