namespace Tradewire.Integration.Tests.Dispatcher;

/// <summary>
/// The reaper the dispatcher runs at the start of every run: a PROCESSING row whose claim is older than
/// processing_ttl_minutes at the run's market time T (claimed_at &lt; T - ttl) goes back to PENDING, and the same run
/// claims and decides it; a claim exactly ttl old, or younger, is left alone.
/// </summary>
public sealed class When_reaping_stuck_claims
{
    [Fact]
    public async Task Should_release_only_claims_older_than_the_ttl_at_the_runs_market_time_and_follow_a_tuned_ttl()
    {
        await using var sink = await OrderSink.Start();
        await using var host = await DispatcherHost.Start(TestService.NewName("disr"), null, sink.Queue);
        var feed = new SignalsFeed();
        string[] tickers = ["AAPL", "MSFT", "NVDA", "TSLA"];

        // Low confidence: every run skips them, so no execution stands in the way of deciding them again.
        await host.Send(feed.Evaluated(0, tickers.Select(t => feed.Rec(0, t, confidence: 0.5m)).ToList(), tickers));
        // Ticks are run in minute order, so every minute up to the reaping run's comes first.
        for (var minute = 1; minute < 20; minute++)
            await host.Send(feed.Evaluated(minute, [], tickers));
        await host.TicksDone(20);
        Assert.Equal(4, await host.Count("SELECT count(*) FROM dispatch_recommendations WHERE status = 'SKIPPED'"));

        // Claims a dead run left behind, 9, 10, 11 and 30 minutes before the next run's market time.
        var t = feed.Minute(20).AddMinutes(1);
        await Strand(host, "AAPL", t.AddMinutes(-9));
        await Strand(host, "MSFT", t.AddMinutes(-10));
        await Strand(host, "NVDA", t.AddMinutes(-11));
        await Strand(host, "TSLA", t.AddMinutes(-30));
        await host.Send(feed.Evaluated(20, [], tickers));
        await host.TicksDone(21);

        Assert.Equal(2, await host.Count("SELECT reaped_count FROM dispatcher_runs WHERE market_minute = $1", feed.Minute(20).UtcDateTime));
        Assert.Equal(["AAPL", "MSFT"], await Tickers(host, "status = 'PROCESSING' AND claimed_at IS NOT NULL AND processed_at IS NULL"));
        // Both are stuck by the shakedown plan's measure (signal more than 10 minutes old, still undecided): the run
        // reports them (summary and DispatchRunCompleted), for the dashboard's watchdog.
        Assert.Equal(2, await host.Count("SELECT (run_summary_json->>'stuck_processing')::bigint FROM dispatcher_runs WHERE market_minute = $1", feed.Minute(20).UtcDateTime));
        // The reaped rows were claimed and decided by that same run, at its market time.
        Assert.Equal(["NVDA", "TSLA"], await Tickers(host, """
            status = 'SKIPPED' AND processed_at = $1
            AND dispatcher_run_id = (SELECT run_id FROM dispatcher_runs WHERE market_minute = $2)
            """, t.UtcDateTime, feed.Minute(20).UtcDateTime));

        // A shorter TTL, read by the next run (T + 1 min): the 9- and 10-minute claims are now 10 and 11 minutes old,
        // both past 5; a claim exactly 5 minutes old stays.
        using var http = host.Http();
        (await http.PutAsJsonAsync("/config", new Dictionary<string, int> { ["processing_ttl_minutes"] = 5 })).EnsureSuccessStatusCode();
        await Strand(host, "NVDA", feed.Minute(21).AddMinutes(1 - 5));
        await host.Send(feed.Evaluated(21, [], tickers));
        await host.TicksDone(22);

        Assert.Equal(2, await host.Count("SELECT reaped_count FROM dispatcher_runs WHERE market_minute = $1", feed.Minute(21).UtcDateTime));
        Assert.Equal(["NVDA"], await Tickers(host, "status = 'PROCESSING'"));
        Assert.Equal(1, await host.Count("SELECT (run_summary_json->>'stuck_processing')::bigint FROM dispatcher_runs WHERE market_minute = $1", feed.Minute(21).UtcDateTime));
        Assert.Equal(0, await host.Count("SELECT count(*) FROM dispatch_executions"));
    }

    /// <summary>Puts the ticker's recommendation back in PROCESSING, claimed at <paramref name="claimedAt"/> by a run that died.</summary>
    static Task<long> Strand(DispatcherHost host, string ticker, DateTimeOffset claimedAt) =>
        host.Count("""
            WITH s AS (
                UPDATE dispatch_recommendations
                SET status = 'PROCESSING', claimed_at = $2, processed_at = NULL, skip_reason = NULL, dispatcher_run_id = gen_random_uuid()
                WHERE ticker = $1 RETURNING 1)
            SELECT count(*) FROM s
            """, ticker, claimedAt.UtcDateTime);

    static async Task<List<string>> Tickers(DispatcherHost host, string where, params object[] parameters) =>
        (await Sql.Rows(host.ConnectionString, "SELECT ticker FROM dispatch_recommendations WHERE " + where + " ORDER BY ticker", parameters))
            .Select(r => (string)r["ticker"]!).ToList();
}
