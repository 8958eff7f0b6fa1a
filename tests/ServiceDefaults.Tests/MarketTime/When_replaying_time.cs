using Tradewire.ServiceDefaults.MarketTime;
using Xunit;

namespace Tradewire.ServiceDefaults.Tests.MarketTime;

public class When_replaying_time
{
    static readonly DateTimeOffset Start = DateTimeOffset.Parse("2025-06-10T13:30:00Z");
    readonly ReplayTimeProvider _time = new(Start);

    [Fact]
    public void Should_read_the_last_instant_advanced_to_in_utc()
    {
        Assert.Equal(Start, _time.GetUtcNow());

        _time.AdvanceTo(DateTimeOffset.Parse("2025-06-10T09:31:00-04:00"));

        Assert.Equal(DateTimeOffset.Parse("2025-06-10T13:31:00Z"), _time.GetUtcNow());
        Assert.Equal(TimeSpan.Zero, _time.GetUtcNow().Offset);
    }

    [Fact]
    public void Should_refuse_to_go_backwards_naming_both_instants()
    {
        _time.AdvanceTo(Start.AddMinutes(5));

        var error = Assert.Throws<InvalidOperationException>(() => _time.AdvanceTo(Start.AddMinutes(4)));

        Assert.Contains("2025-06-10T13:35:00.0000000+00:00", error.Message);
        Assert.Contains("2025-06-10T13:34:00.0000000+00:00", error.Message);
        Assert.Equal(Start.AddMinutes(5), _time.GetUtcNow());
    }

    [Fact]
    public void Should_allow_advancing_to_the_current_instant()
    {
        _time.AdvanceTo(Start);

        Assert.Equal(Start, _time.GetUtcNow());
    }

    [Fact]
    public void Should_measure_elapsed_time_in_replay_time()
    {
        var before = _time.GetTimestamp();

        _time.AdvanceTo(Start.AddSeconds(90));

        Assert.Equal(TimeSpan.FromSeconds(90), _time.GetElapsedTime(before));
    }

    [Fact]
    public void Should_fire_a_timer_only_once_time_reaches_its_due_time_with_the_clock_at_that_time()
    {
        var fired = new List<DateTimeOffset>();
        using var timer = _time.CreateTimer(_ => fired.Add(_time.GetUtcNow()), null, TimeSpan.FromMinutes(1), Timeout.InfiniteTimeSpan);

        _time.AdvanceTo(Start.AddSeconds(59));
        Assert.Empty(fired);

        _time.AdvanceTo(Start.AddMinutes(10));
        Assert.Equal([Start.AddMinutes(1)], fired);
        Assert.Equal(Start.AddMinutes(10), _time.GetUtcNow());
    }

    [Fact]
    public void Should_fire_a_periodic_timer_once_per_elapsed_period_in_due_order()
    {
        var fired = new List<string>();
        using var periodic = _time.CreateTimer(_ => fired.Add($"p@{_time.GetUtcNow():HH:mm}"), null, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        using var once = _time.CreateTimer(_ => fired.Add($"o@{_time.GetUtcNow():HH:mm}"), null, TimeSpan.FromSeconds(150), Timeout.InfiniteTimeSpan);

        _time.AdvanceTo(Start.AddMinutes(3));

        Assert.Equal(["p@13:31", "p@13:32", "o@13:32", "p@13:33"], fired);
    }

    [Fact]
    public void Should_not_fire_a_disposed_or_disabled_timer()
    {
        var fired = 0;
        var disposed = _time.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        using var disabled = _time.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        disposed.Dispose();
        Assert.True(disabled.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan));

        _time.AdvanceTo(Start.AddHours(1));

        Assert.Equal(0, fired);
        Assert.False(disposed.Change(TimeSpan.Zero, Timeout.InfiniteTimeSpan));
    }

    [Fact]
    public async Task Should_complete_a_delay_when_replay_time_passes_it()
    {
        var delay = Task.Delay(TimeSpan.FromMinutes(5), _time);

        _time.AdvanceTo(Start.AddMinutes(4));
        Assert.False(delay.IsCompleted);

        _time.AdvanceTo(Start.AddMinutes(5));
        await delay.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Should_refuse_to_advance_from_inside_a_timer_callback()
    {
        Exception? inner = null;
        using var timer = _time.CreateTimer(_ => inner = Record.Exception(() => _time.AdvanceTo(Start.AddHours(1))), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        _time.AdvanceTo(Start.AddMinutes(1));

        Assert.IsType<InvalidOperationException>(inner);
        Assert.Equal(Start.AddMinutes(1), _time.GetUtcNow());
    }

    [Fact]
    public void Should_drive_the_market_clock_during_replay()
    {
        var clock = new MarketClock(_time, new NyseCalendar());

        _time.AdvanceTo(DateTimeOffset.Parse("2025-06-10T19:59:59Z"));
        Assert.True(clock.IsMarketOpen);

        _time.AdvanceTo(DateTimeOffset.Parse("2025-06-10T20:00:00Z"));
        Assert.False(clock.IsMarketOpen);
    }
}
