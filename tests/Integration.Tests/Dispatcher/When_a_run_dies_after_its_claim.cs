using Tradewire.Dispatcher.Runs;

namespace Tradewire.Integration.Tests.Dispatcher;

/// <summary>Crash point: throws once, right after the first claim that took rows committed.</summary>
sealed class DieOnceAfterClaim : IDispatchFaults
{
    int _died;
    public void AfterClaimCommit(Guid runId, IReadOnlyList<long> claimedIds)
    {
        if (claimedIds.Count > 0 && Interlocked.Exchange(ref _died, 1) == 0)
            throw new InvalidOperationException($"Fault drill: run {runId} dies after claiming {claimedIds.Count}");
    }
}

public sealed class When_a_run_dies_after_its_claim
{
    /// <summary>
    /// The retried run of the tick takes back the dead run's claim and decides the rows at the tick's own market
    /// time, as the undisturbed run would have: waiting for the TTL reaper would decide them minutes later, at other
    /// prices (what the fault drill's ledger comparison caught).
    /// </summary>
    [Fact]
    public async Task Should_decide_the_claimed_rows_in_the_retried_run_exactly_once()
    {
        await using var sink = await OrderSink.Start();
        await using var host = await DispatcherHost.Start(TestService.NewName("disc"), null, sink.Queue,
            s => s.AddSingleton<IDispatchFaults>(new DieOnceAfterClaim()));
        var feed = new SignalsFeed();
        string[] tickers = ["AAPL", "MSFT"];

        await host.Send(feed.Evaluated(0, tickers.Select(t => feed.Rec(0, t)).ToList(), tickers));
        await host.TicksDone(1);
        Assert.Equal(1, await host.Count("SELECT count(*) FROM dispatcher_runs WHERE finished_at IS NULL AND pulled_count = 2"));
        Assert.Equal(0, await host.Count("SELECT count(*) FROM dispatch_recommendations WHERE status = 'PROCESSING'"));
        Assert.Equal(2, await host.Count("SELECT count(*) FROM dispatch_recommendations WHERE status = 'SIMULATED'"));
        Assert.Equal(2, await host.Count("SELECT count(*) FROM dispatch_executions WHERE decision_ts = (SELECT evaluated_at FROM dispatcher_ticks)"));

        // Later ticks change nothing: no second execution, nothing left for the reaper.
        await host.Send(feed.Evaluated(1, [], tickers));
        await host.Send(feed.Evaluated(2, [], tickers));
        await host.TicksDone(3);
        Assert.Equal(2, await host.Count("SELECT count(*) FROM dispatch_executions"));
        Assert.Equal(2, await host.Count("SELECT count(DISTINCT recommendation_id) FROM dispatch_executions"));
        Assert.Equal(0, await host.Count("SELECT coalesce(sum(reaped_count), 0) FROM dispatcher_runs"));
        await Eventually.Until(sink.Orders, n => n >= 2, what: "2 orders");
        await Eventually.Until(() => host.Count("""SELECT count(*) FROM "OutboxMessage" """), n => n == 0, what: "the outbox to drain");
        Assert.Equal(2, await sink.Orders());
    }
}
