using Tradewire.Contracts.Features;
using Tradewire.Contracts.Market;
using Tradewire.Features.Domain;

namespace Tradewire.Integration.Tests.Features;

/// <summary>
/// 60 minutes of a 2025 session (2025-06-16, New York on UTC-4: the session opens 13:30 UTC) for three symbols,
/// sent partly out of order; the third symbol has no bar in two minutes. The service must act on the minutes in
/// market order, store one row per bar, publish one FeaturesComputed per minute, and ignore every redelivery.
/// </summary>
public sealed class When_features_consume_a_session_of_bars
{
    internal static readonly DateOnly Session = new(2025, 6, 16);
    static readonly DateTimeOffset Open = new(2025, 6, 16, 13, 30, 0, TimeSpan.Zero);
    internal const int Minutes = 60;

    [Fact]
    public async Task Should_store_publish_in_minute_order_and_ignore_redeliveries()
    {
        await using var host = await FeaturesHost.Start();
        var tag = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        string[] symbols = [$"A{tag}", $"B{tag}", $"C{tag}"];
        var minutes = SessionBars(symbols);
        var ids = minutes.Select(_ => NewId.NextGuid()).ToArray();
        var send = await host.Bus.GetSendEndpoint(host.BarsQueue);

        foreach (var i in ArrivalOrder())
            await send.Send(minutes[i], c => c.MessageId = ids[i]);

        var published = await Eventually.Until(() => Task.FromResult(host.Published.Of(symbols)), m => m.Count >= Minutes,
            TimeSpan.FromSeconds(60), "60 FeaturesComputed");
        var expected = Expected(minutes);
        Assert.Equal(Enumerable.Range(0, Minutes).Select(i => Open.AddMinutes(i)), published.Select(m => m.Minute));
        Assert.All(published, m => Assert.Equal(Session, m.SessionDate));
        Assert.Equal(expected, published.Select(m => m.Symbols), new FeatureListComparer());

        var rows = minutes.Sum(m => m.Bars.Count);
        var ready = symbols.Sum(s => Math.Max(0, minutes.Count(m => m.Bars.Any(b => b.Symbol == s)) - WarmUp.Ready + 1));
        Assert.Equal(178, rows); // 60 + 60 + 58
        Assert.Equal(31, ready); // A and B ready from minute 50 (11 rows each), C from its 50th bar at minute 52 (9 rows)
        Assert.Equal(rows, await Count(host, "SELECT count(*) FROM lane_features"));
        Assert.Equal(ready, await Count(host, "SELECT count(*) FROM lane_features WHERE ready"));
        Assert.Equal(ready, await Count(host, "SELECT count(*) FROM lane_features WHERE ready AND sma50 IS NOT NULL AND vol_ratio IS NOT NULL AND return_15 IS NOT NULL"));
        await AssertLastRowsMatch(host, expected[^1]);

        // Redelivery (same MessageIds: the inbox) and a replay (new MessageIds: the sequencer's cursor and the states' last minute).
        var receivedBefore = await Count(host, """SELECT coalesce(sum("ReceiveCount"), 0) FROM "InboxState" """);
        foreach (var i in ArrivalOrder())
            await send.Send(minutes[i], c => c.MessageId = ids[i]);
        foreach (var i in ArrivalOrder())
            await send.Send(minutes[i]);
        await Eventually.Until(() => Count(host, """SELECT coalesce(sum("ReceiveCount"), 0) FROM "InboxState" """),
            n => n >= receivedBefore + 2 * Minutes, TimeSpan.FromSeconds(60), "the redelivered and replayed minutes");
        await Eventually.Until(() => Count(host, """SELECT count(*) FROM "InboxState" WHERE "Delivered" IS NULL"""), n => n == 0,
            TimeSpan.FromSeconds(30), "every consumed message's outbox delivered");

        Assert.Equal(rows, await Count(host, "SELECT count(*) FROM lane_features"));
        Assert.Equal(3, await Count(host, "SELECT count(*) FROM feature_state"));
        Assert.Equal(Minutes, await Count(host, "SELECT minutes_done FROM minute_cursor"));
        Assert.Equal(Minutes, host.Published.Of(symbols).Count);
    }

    /// <summary>Minute 5 first, 0-4 after it, 30/31 and 58/59 swapped; the rest in order.</summary>
    static IEnumerable<int> ArrivalOrder()
    {
        int[] order = [5, 0, 1, 2, 3, 4, .. Enumerable.Range(6, Minutes - 6)];
        (order[30], order[31]) = (order[31], order[30]);
        (order[58], order[59]) = (order[59], order[58]);
        return order;
    }

    /// <summary>The minutes of <see cref="Session"/> for <paramref name="symbols"/>, the third missing two bars.</summary>
    internal static List<MinuteBarsClosed> SessionBars(string[] symbols)
    {
        var random = new Random(42);
        var close = symbols.ToDictionary(s => s, _ => 100m);
        return Enumerable.Range(0, Minutes).Select(i =>
        {
            var minute = Open.AddMinutes(i);
            var bars = symbols.Where(s => !(s == symbols[2] && i is 10 or 11)).Select(s =>
            {
                var open = close[s];
                close[s] = Math.Round(open * (1m + (decimal)(random.NextDouble() - 0.5) * 0.004m), 2);
                return new Bar
                {
                    Symbol = s, Minute = minute, Open = open, Close = close[s], Volume = random.Next(1_000, 90_000),
                    High = Math.Max(open, close[s]) + 0.03m, Low = Math.Min(open, close[s]) - 0.02m,
                };
            }).ToList();
            return new MinuteBarsClosed { SessionDate = Session, Minute = minute, Bars = bars, IsLastOfSession = false };
        }).ToList();
    }

    /// <summary>The pure engine over the same minutes, in order: what the service must have published.</summary>
    static List<IReadOnlyList<SymbolFeatures>> Expected(List<MinuteBarsClosed> minutes)
    {
        var states = new Dictionary<string, IndicatorState>(StringComparer.Ordinal);
        return minutes.Select(m => MinuteFeatures.Apply(m.Bars, states).Features).ToList();
    }

    static async Task AssertLastRowsMatch(FeaturesHost host, IReadOnlyList<SymbolFeatures> last)
    {
        foreach (var f in last)
        {
            var sql = "SELECT {0} FROM lane_features WHERE ticker = $1 AND ts = $2";
            Assert.Equal(f.Sma50, await LocalInfra.Scalar<decimal>(host.ConnectionString, string.Format(sql, "sma50"), f.Symbol, f.BarTs));
            Assert.Equal(f.RealizedVol, await LocalInfra.Scalar<decimal>(host.ConnectionString, string.Format(sql, "realized_vol"), f.Symbol, f.BarTs));
            Assert.Equal(f.BarCount, await LocalInfra.Scalar<int>(host.ConnectionString, string.Format(sql, "bar_count"), f.Symbol, f.BarTs));
        }
    }

    static Task<long> Count(FeaturesHost host, string sql) => LocalInfra.Count(host.ConnectionString, sql);

    sealed class FeatureListComparer : IEqualityComparer<IReadOnlyList<SymbolFeatures>>
    {
        public bool Equals(IReadOnlyList<SymbolFeatures>? x, IReadOnlyList<SymbolFeatures>? y) => x!.SequenceEqual(y!);
        public int GetHashCode(IReadOnlyList<SymbolFeatures> obj) => obj.Count;
    }
}
