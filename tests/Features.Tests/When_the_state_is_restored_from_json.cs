using Tradewire.Features.Domain;
using Tradewire.Features.Tests.Support;

namespace Tradewire.Features.Tests;

public sealed class When_the_state_is_restored_from_json
{
    [Theory]
    [InlineData(1)]
    [InlineData(14)]
    [InlineData(20)]
    [InlineData(49)]
    [InlineData(137)]
    public void Should_continue_exactly_as_the_state_that_never_stopped(int restoreAfter)
    {
        var bars = BarSeries.RandomWalk(200, 5);
        var uninterrupted = new IndicatorState("TEST");
        var restarted = new IndicatorState("TEST");
        for (var i = 0; i < bars.Count; i++)
        {
            if (i == restoreAfter)
                restarted = IndicatorState.FromJson(restarted.ToJson());
            uninterrupted.TryApply(bars[i], out var expected);
            restarted.TryApply(bars[i], out var actual);
            Assert.Equal(expected, actual);
        }
        Assert.Equal(uninterrupted.ToJson(), restarted.ToJson());
    }

    [Fact]
    public void Should_keep_the_last_minute_so_an_old_bar_is_still_ignored()
    {
        var bars = BarSeries.RandomWalk(30, 9);
        var state = new IndicatorState("TEST");
        foreach (var bar in bars)
            state.TryApply(bar, out _);

        var restored = IndicatorState.FromJson(state.ToJson());

        Assert.Equal(bars[^1].Minute, restored.LastMinute);
        Assert.False(restored.TryApply(bars[^1], out _));
        Assert.Equal(state.ToJson(), restored.ToJson());
    }
}
