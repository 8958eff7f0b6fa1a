using Tradewire.Ingest.Live.Alpaca;

namespace Tradewire.FakeVenue.Tests.AlpacaClient;

/// <summary>How long the REST client waits after a 429: until X-RateLimit-Reset when the answer has it, capped.</summary>
public sealed class When_a_rate_limit_is_hit
{
    static readonly DateTimeOffset Now = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);

    sealed class FixedWall : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => Now;
    }

    static HttpResponseMessage Answer(HttpStatusCode status, DateTimeOffset? reset)
    {
        var response = new HttpResponseMessage(status);
        if (reset is { } r) response.Headers.Add("X-RateLimit-Reset", r.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        return response;
    }

    [Fact]
    public void Should_wait_until_the_reset_second()
    {
        using var response = Answer(HttpStatusCode.TooManyRequests, Now.AddSeconds(7));
        Assert.Equal(TimeSpan.FromSeconds(7), AlpacaBarsClient.ResetWait(response, new FixedWall()));
    }

    [Fact]
    public void Should_not_wait_for_a_reset_already_past_and_cap_a_far_one()
    {
        using var past = Answer(HttpStatusCode.TooManyRequests, Now.AddSeconds(-3));
        Assert.Equal(TimeSpan.Zero, AlpacaBarsClient.ResetWait(past, new FixedWall()));
        using var far = Answer(HttpStatusCode.TooManyRequests, Now.AddHours(2));
        Assert.Equal(TimeSpan.FromSeconds(60), AlpacaBarsClient.ResetWait(far, new FixedWall()));
    }

    [Fact]
    public void Should_leave_the_backoff_to_polly_without_a_reset_or_for_a_5xx()
    {
        using var bare = Answer(HttpStatusCode.TooManyRequests, null);
        Assert.Null(AlpacaBarsClient.ResetWait(bare, new FixedWall()));
        using var error = Answer(HttpStatusCode.ServiceUnavailable, Now.AddSeconds(5));
        Assert.Null(AlpacaBarsClient.ResetWait(error, new FixedWall()));
    }
}
