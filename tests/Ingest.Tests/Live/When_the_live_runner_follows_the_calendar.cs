using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Tradewire.Ingest.Live;
using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.Ingest.Tests.Live;

public class When_the_live_runner_follows_the_calendar
{
    sealed class Sessions : ILiveSessions
    {
        public ConcurrentQueue<TradingSession> Ran { get; } = new();
        public Task Run(TradingSession session, CancellationToken token)
        {
            Ran.Enqueue(session);
            return Task.CompletedTask;
        }
    }

    /// <summary>A fake clock that remembers when each timer made on it is due: the runner's wake-ups.</summary>
    sealed class WakeUps(DateTimeOffset start) : FakeTimeProvider(start)
    {
        public ConcurrentQueue<DateTimeOffset> Scheduled { get; } = new();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            Scheduled.Enqueue(GetUtcNow() + dueTime);
            return base.CreateTimer(callback, state, dueTime, period);
        }
    }

    static DateTimeOffset NewYork(string date, string time) => MarketTimeZone.FromMarketLocal(DateOnly.Parse(date), TimeOnly.Parse(time));

    [Fact]
    public async Task Should_do_nothing_on_a_holiday_or_a_weekend_and_open_each_trading_day_at_its_open_with_its_close()
    {
        var time = new WakeUps(NewYork("2026-11-26", "10:00")); // Thanksgiving
        var sessions = new Sessions();
        var options = Options.Create(new LiveOptions { Feed = "simulated" });
        using var runner = new LiveSessionRunner(new MarketClock(time, new NyseCalendar()), time, sessions, new LiveFeedStatus(options.Value), options,
            NullLogger<LiveSessionRunner>.Instance);
        await runner.StartAsync(CancellationToken.None);

        // The runner has looked at the calendar and gone to sleep until Friday's open, running nothing on the holiday.
        await Eventually.Until(() => time.Scheduled.Contains(NewYork("2026-11-27", "09:30")), "the runner did not schedule Friday's open", TimeSpan.FromSeconds(10));
        Assert.Empty(sessions.Ran);
        time.SetUtcNow(NewYork("2026-11-27", "09:29:59"));
        Assert.Empty(sessions.Ran);

        time.SetUtcNow(NewYork("2026-11-27", "09:30"));
        await Eventually.Until(() => sessions.Ran.Count == 1, "the day after Thanksgiving did not open", TimeSpan.FromSeconds(10));
        var friday = Assert.Single(sessions.Ran);
        Assert.True(friday.IsEarlyClose);
        Assert.Equal(NewYork("2026-11-27", "13:00"), friday.CloseUtc);

        // After Friday's session it sleeps until Monday's open: the weekend wakes nothing.
        await Eventually.Until(() => time.Scheduled.Contains(NewYork("2026-11-30", "09:30")), "the runner did not schedule Monday's open", TimeSpan.FromSeconds(10));
        time.SetUtcNow(NewYork("2026-11-28", "12:00")); // Saturday
        time.SetUtcNow(NewYork("2026-11-30", "09:29"));
        Assert.Single(sessions.Ran);
        time.SetUtcNow(NewYork("2026-11-30", "09:30"));
        await Eventually.Until(() => sessions.Ran.Count == 2, "Monday did not open", TimeSpan.FromSeconds(10));
        Assert.Equal(new DateOnly(2026, 11, 30), sessions.Ran.Last().Date);

        await runner.StopAsync(CancellationToken.None);
    }
}
