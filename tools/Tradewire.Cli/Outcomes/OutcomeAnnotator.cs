using System.Text.Json;
using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.Cli.Outcomes;

/// <summary>
/// Labels every decided recommendation of one trading date and stores the labels in the dispatcher's database
/// (<c>outcomes</c>, one row per recommendation, and <c>outcome_runs</c>). Bars come from ingest's database,
/// regimes from the features service's. Idempotent: a row is written only when a label differs from the stored
/// one, so a second run over unchanged data writes nothing; all rows of the date are written in one transaction.
/// </summary>
public static class OutcomeAnnotator
{
    public sealed record Result(DateOnly Date, int Labelled, int Written, IReadOnlyList<(OutcomeDecision Decision, OutcomeLabel Label, string? Regime)> Rows);

    public static async Task<Result> Run(Func<string, Db> db, DateOnly date, DateTimeOffset ranAt)
    {
        var session = new NyseCalendar().GetSession(date) ?? throw new InvalidOperationException($"{date:yyyy-MM-dd} is not a NYSE trading day");
        var lastMinute = session.CloseUtc.AddMinutes(-1);
        var decisions = await OutcomeDecisions.Load(db("dispatcher"), date);
        var tickers = decisions.Select(d => d.Ticker).Distinct().ToArray();
        var bars = (await db("ingest").Rows("""
                SELECT ticker, minute, high, low, close FROM lane_telemetry WHERE ticker = ANY($1) AND minute >= $2 AND minute < $3 ORDER BY ticker, minute
                """, tickers, session.OpenUtc, session.CloseUtc))
            .GroupBy(b => (string)b[0]!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(b => new OutcomeBar(Utc(b[1]), (decimal)b[2]!, (decimal)b[3]!, (decimal)b[4]!)).ToList(), StringComparer.Ordinal);
        var features = (await db("features").Rows("""
                SELECT ticker, minute, ready, trend, recent_vol FROM lane_features WHERE ticker = ANY($1) AND minute >= $2 AND minute < $3 ORDER BY ticker, minute
                """, tickers, session.OpenUtc, session.CloseUtc))
            .GroupBy(f => (string)f[0]!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(f => (Minute: Utc(f[1]), Ready: (bool)f[2]!, Trend: f[3] as decimal?, RecentVol: f[4] as decimal?)).ToList(),
                StringComparer.Ordinal);

        var rows = new List<(OutcomeDecision, OutcomeLabel, string?)>();
        var statements = new List<(string, object[])>();
        foreach (var d in decisions)
        {
            var windowEnd = Min(d.DecisionMinute.AddMinutes(d.MaxHoldMinutes), lastMinute);
            var label = OutcomeLabeller.Label(new OutcomeInput(d.Side, d.DecisionMinute, d.Entry, d.Stop, d.Target, windowEnd, lastMinute, bars.GetValueOrDefault(d.Ticker) ?? []));
            var reasons = new Dictionary<string, string>(label.NullReasons, StringComparer.Ordinal);
            if (d.NoLevelsReason is { } noLevels)
                reasons["first_hit"] = noLevels;
            var ownFeatures = features.GetValueOrDefault(d.Ticker) ?? [];
            var upToDecision = ownFeatures.Where(f => f.Minute <= d.DecisionMinute && f.Ready && f.RecentVol is not null).Select(f => f.RecentVol!.Value).ToList();
            var atDecision = ownFeatures.FirstOrDefault(f => f.Minute == d.DecisionMinute);
            var (regime, volVsMedian, why) = atDecision.Ready
                ? Regime.Classify(atDecision.Trend, atDecision.RecentVol, Median(upToDecision))
                : (null, null, atDecision == default ? "NO_FEATURES_AT_DECISION" : "FEATURES_NOT_READY");
            if (why is not null)
                reasons["regime"] = why;
            rows.Add((d, label, regime));
            statements.Add((OutcomeRow.Upsert, OutcomeRow.Parameters(date, d, label, windowEnd, regime, atDecision.Ready ? atDecision : default, volVsMedian,
                JsonSerializer.Serialize(new SortedDictionary<string, string>(reasons, StringComparer.Ordinal)))));
        }
        statements.Add(("""
            INSERT INTO outcome_runs (trading_date, labelled, ran_at) VALUES ($1, $2, $3)
            ON CONFLICT (trading_date) DO UPDATE SET labelled = EXCLUDED.labelled, ran_at = EXCLUDED.ran_at
            """, [date, decisions.Count, ranAt]));
        var written = await db("dispatcher").InOneTransaction(statements);
        return new Result(date, decisions.Count, written, rows);
    }

    static DateTimeOffset Utc(object? value) => new(DateTime.SpecifyKind((DateTime)value!, DateTimeKind.Utc));

    static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    static decimal? Median(List<decimal> values)
    {
        if (values.Count == 0)
            return null;
        values.Sort();
        var mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }
}
