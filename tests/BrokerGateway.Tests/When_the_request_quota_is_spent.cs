using Tradewire.BrokerGateway.Broker.Alpaca;
using Tradewire.BrokerGateway.Domain;
using Xunit;

namespace Tradewire.BrokerGateway.Tests;

/// <summary>Alpaca allows 200 requests a minute per key and says so in X-Ratelimit-* headers; the adapter keeps to that budget.</summary>
public sealed class When_the_request_quota_is_spent
{
    [Fact]
    public async Task Should_wait_for_the_reset_the_venue_announced_instead_of_retrying_into_429s()
    {
        // A quota of 2 requests per 2 s window, so that the reset comes within the test's patience.
        await using var live = await LiveVenue.Start(v => v with { RateLimitPerMinute = 2, RateWindow = TimeSpan.FromSeconds(2) });
        var h = live.Harness;

        var b = await live.Enter(h.At(10, 0));

        Assert.Equal(BracketState.Protected, b.State);
        Assert.DoesNotContain("BROKER_FAULT", h.RiskCodes);
        Assert.True(live.Venue.Requests.Count > 2, "the flow needs more requests than one window allows");
        Assert.DoesNotContain(live.Venue.Requests, r => r.Status == 429);
    }

    [Fact]
    public async Task Should_hold_requests_beyond_its_own_count_before_any_header_is_seen()
    {
        var options = new AlpacaOptions { RequestsPerMinute = 3 };
        var time = new ManualTime(DateTimeOffset.Parse("2026-11-23T15:00:00Z"));
        var budget = new AlpacaRateBudget(options, time);
        for (var i = 0; i < 3; i++)
            await budget.Take();

        // The fourth waits on the clock for the minute of the first to pass: its wake-up is set for then, and until
        // the clock gets there nothing can let it through.
        var fourth = budget.Take();
        Assert.Equal([time.GetUtcNow().AddMinutes(1)], time.DueTimes());
        time.Advance(TimeSpan.FromSeconds(59));
        Assert.False(fourth.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        await fourth.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Empty(time.DueTimes());
    }

    /// <summary>A clock the test moves; its timers fire when it passes their time.</summary>
    sealed class ManualTime(DateTimeOffset start) : TimeProvider
    {
        readonly Lock gate = new();
        readonly List<(DateTimeOffset Due, TimerCallback Callback, object? State)> timers = [];
        DateTimeOffset now = start;

        public override DateTimeOffset GetUtcNow() { lock (gate) return now; }

        /// <summary>When each timer not yet fired is due.</summary>
        public List<DateTimeOffset> DueTimes() { lock (gate) return timers.Select(t => t.Due).ToList(); }

        public void Advance(TimeSpan by)
        {
            List<(DateTimeOffset, TimerCallback Callback, object? State)> due;
            lock (gate)
            {
                now += by;
                due = timers.Where(t => t.Due <= now).ToList();
                timers.RemoveAll(t => t.Due <= now);
            }
            foreach (var t in due)
                t.Callback(t.State);
        }

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            lock (gate)
                timers.Add((now + dueTime, callback, state));
            return new NoTimer();
        }

        sealed class NoTimer : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => false;
            public void Dispose() { }
            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
