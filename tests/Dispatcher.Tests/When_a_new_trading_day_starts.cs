using Tradewire.Dispatcher.Domain;

namespace Tradewire.Dispatcher.Tests;

/// <summary>The claim window follows the New York trading date: nothing signalled one day is decided the next.</summary>
public sealed class When_a_new_trading_day_starts
{
    // 09:31 New York on Wednesday 2026-11-18 (EST, 14:31Z); the day before closed at 21:00Z.
    static readonly DateTimeOffset Open = DateTimeOffset.Parse("2026-11-18T14:31:00Z");
    static readonly DispatcherConfig Config = DispatcherConfig.Defaults;

    [Fact]
    public void Should_expire_yesterdays_last_signal_instead_of_claiming_it_at_the_open()
    {
        // 16:00 New York the day before: 17.5 hours earlier, but also a different trading date.
        var yesterdaysClose = DateTimeOffset.Parse("2026-11-17T21:00:00Z");
        Assert.Equal(ClaimWindow.PreviousTradingDate, ClaimWindow.ExpiryReason(yesterdaysClose, Open, Config));
        Assert.True(ClaimWindow.Start(Open, Config) > yesterdaysClose);
    }

    [Fact]
    public void Should_expire_yesterdays_signal_even_with_a_lookback_longer_than_the_night()
    {
        var week = Config with { LookbackWindowMinutes = 10080 };
        var yesterdaysClose = DateTimeOffset.Parse("2026-11-17T21:00:00Z");
        Assert.Equal(ClaimWindow.PreviousTradingDate, ClaimWindow.ExpiryReason(yesterdaysClose, Open, week));
        Assert.Equal(DateTimeOffset.Parse("2026-11-18T05:00:00Z"), ClaimWindow.Start(Open, week)); // New York midnight, not UTC midnight
    }

    [Fact]
    public void Should_use_the_new_york_date_not_the_utc_date()
    {
        // 19:30 New York on 2026-11-17 is 00:30Z on the 18th: same UTC date as the run, different trading date.
        var evening = DateTimeOffset.Parse("2026-11-18T00:30:00Z");
        var week = Config with { LookbackWindowMinutes = 10080 };
        Assert.Equal(ClaimWindow.PreviousTradingDate, ClaimWindow.ExpiryReason(evening, Open, week));
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(60, null)]
    [InlineData(61, ClaimWindow.LookbackWindow)]
    public void Should_claim_only_within_the_lookback_window_on_the_same_day(int minutesOld, string? reason)
    {
        var late = DateTimeOffset.Parse("2026-11-18T19:00:00Z"); // 14:00 New York
        Assert.Equal(reason, ClaimWindow.ExpiryReason(late.AddMinutes(-minutesOld), late, Config));
    }
}
