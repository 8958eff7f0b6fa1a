using Microsoft.Extensions.Time.Testing;
using Tradewire.BrokerGateway.Broker.Alpaca;

namespace Tradewire.BrokerGateway.Tests;

/// <summary>Alpaca allows 200 requests a minute per key and says so in X-Ratelimit-* headers; the adapter keeps to that budget.</summary>
public sealed class When_the_request_quota_is_spent
{
    [Fact]
    public async Task Should_wait_for_the_reset_the_venue_announced_instead_of_retrying_into_429s()
    {
        // A quota of 2 requests in Alpaca's one-minute window, the venue and the adapter on one clock the test drives:
        // the reset comes when the test moves the clock, never by waiting for it.
        var time = new DrivenTime(DateTimeOffset.Parse("2026-11-23T15:00:00Z"));
        await using var live = await LiveVenue.Start(v => v with { RateLimitPerMinute = 2, Time = time }, time: time);
        var h = live.Harness;

        var entering = live.Enter(h.At(10, 0));
        var resets = 0;
        while (true)
        {
            // Until the flow ends or holds a request on the clock; then the clock goes to the reset the venue announced.
            await Eventually.Until(() => entering.IsCompleted || time.Waiting > 0, "the bracket protected, or a request held until the reset");
            if (entering.IsCompleted)
                break;
            Assert.DoesNotContain(live.Venue.Requests, r => r.Status == 429);
            time.Advance(TimeSpan.FromMinutes(1));
            resets++;
        }
        var b = await entering;

        Assert.Equal(BracketState.Protected, b.State);
        Assert.DoesNotContain("BROKER_FAULT", h.RiskCodes);
        Assert.True(live.Venue.Requests.Count > 2, "the flow needs more requests than one window allows");
        Assert.True(resets > 0, "no request was held for the reset");
        Assert.DoesNotContain(live.Venue.Requests, r => r.Status == 429);
    }

    [Fact]
    public async Task Should_hold_requests_beyond_its_own_count_before_any_header_is_seen()
    {
        var options = new AlpacaOptions { RequestsPerMinute = 3 };
        var time = new DrivenTime(DateTimeOffset.Parse("2026-11-23T15:00:00Z"));
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

    /// <summary>The testing clock, which also tells who waits on it: the due time of every timer set and not fired yet.</summary>
    sealed class DrivenTime(DateTimeOffset start) : FakeTimeProvider(start)
    {
        readonly Lock gate = new();
        readonly List<DateTimeOffset> due = [];

        public int Waiting { get { lock (gate) return due.Count; } }

        public List<DateTimeOffset> DueTimes() { lock (gate) return [.. due]; }

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var at = GetUtcNow() + dueTime;
            lock (gate)
                due.Add(at);
            return base.CreateTimer(s =>
            {
                lock (gate)
                    due.Remove(at);
                callback(s);
            }, state, dueTime, period);
        }
    }
}
