using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.ServiceDefaults.Tests.MarketTime;

public class When_the_market_clock_is_scaled
{
    static readonly DateTimeOffset Wall = DateTimeOffset.Parse("2026-12-07T10:00:00Z");
    static readonly DateTimeOffset Origin = DateTimeOffset.Parse("2026-12-04T19:00:00Z");
    readonly FakeTimeProvider _wall = new(Wall);

    [Fact]
    public void Should_read_origin_plus_speed_times_the_wall_time_elapsed()
    {
        var clock = new ScaledTimeProvider(Origin, Wall, 60m, _wall);
        Assert.Equal(Origin, clock.GetUtcNow());

        _wall.Advance(TimeSpan.FromSeconds(1.5));

        Assert.Equal(Origin.AddSeconds(90), clock.GetUtcNow());
    }

    [Fact]
    public void Should_fire_a_market_time_delay_after_that_delay_divided_by_the_speed()
    {
        var clock = new ScaledTimeProvider(Origin, Wall, 60m, _wall);
        var delay = Task.Delay(TimeSpan.FromMinutes(1), clock);

        _wall.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(delay.IsCompleted);
        _wall.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(delay.IsCompleted);
    }

    [Fact]
    public void Should_scale_a_changed_timer_and_measure_elapsed_market_time()
    {
        var clock = new ScaledTimeProvider(Origin, Wall, 10m, _wall);
        var fired = 0;
        using var timer = clock.CreateTimer(_ => fired++, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        var start = clock.GetTimestamp();
        timer.Change(TimeSpan.FromSeconds(10), Timeout.InfiniteTimeSpan);

        _wall.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(1, fired);
        Assert.Equal(TimeSpan.FromSeconds(10), clock.GetElapsedTime(start));
    }

    [Fact]
    public void Should_come_from_the_three_settings_and_be_absent_without_them()
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MarketClock:Origin"] = "2026-12-04T19:00:00Z", ["MarketClock:StartedAt"] = "2026-12-07T10:00:00Z", ["MarketClock:Speed"] = "30",
        }).Build();

        var clock = ScaledTimeProvider.FromConfiguration(settings, _wall)!;

        Assert.Equal((Origin, Wall, 30m), (clock.Origin, clock.StartedAt, clock.Speed));
        Assert.Null(ScaledTimeProvider.FromConfiguration(new ConfigurationBuilder().Build()));
    }

    [Theory]
    [InlineData("2026-12-04T19:00:00Z", null, "1", "StartedAt")]
    [InlineData("yesterday", "2026-12-07T10:00:00Z", "1", "Origin")]
    [InlineData("2026-12-04T19:00:00Z", "2026-12-07T10:00:00Z", "0", "Speed")]
    [InlineData("2026-12-04T19:00:00Z", "2026-12-07T10:00:00Z", "fast", "Speed")]
    public void Should_refuse_unreadable_settings_naming_the_key(string origin, string? startedAt, string speed, string key)
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MarketClock:Origin"] = origin, ["MarketClock:StartedAt"] = startedAt, ["MarketClock:Speed"] = speed,
        }).Build();

        var e = Assert.Throws<InvalidOperationException>(() => ScaledTimeProvider.FromConfiguration(settings));
        Assert.Contains("MarketClock:" + key, e.Message);
    }
}
