using Tradewire.Dispatcher.Domain;
using Xunit;
using static Tradewire.Dispatcher.Tests.Candidates;

namespace Tradewire.Dispatcher.Tests;

public sealed class When_reaping_stuck_claims
{
    [Theory]
    [InlineData(9, false)]
    [InlineData(10, false)]
    [InlineData(11, true)]
    public void Should_release_only_claims_older_than_the_ttl_in_market_time(int minutesAgo, bool stuck) =>
        Assert.Equal(stuck, Reaper.IsStuck(T.AddMinutes(-minutesAgo), T, DispatcherConfig.Defaults));

    [Fact]
    public void Should_follow_a_tuned_ttl()
    {
        var config = DispatcherConfig.Defaults with { ProcessingTtlMinutes = 5 };
        Assert.True(Reaper.IsStuck(T.AddMinutes(-6), T, config));
        Assert.Equal(T.AddMinutes(-5), Reaper.Cutoff(T, config));
    }
}
