using Tradewire.FakeVenue.MarketData;

namespace Tradewire.Integration.Tests.Pipeline;

/// <summary>Ingest's settings for a simulated live day against a local Alpaca data server (the feed seam's keys).</summary>
public static class LiveIngest
{
    public static IReadOnlyDictionary<string, string> Settings(MarketDataServer server, DateTimeOffset origin, DateTimeOffset startedAt, decimal speed,
        string key = "live-test-key", string secret = "live-test-secret") => new Dictionary<string, string>
    {
        ["MarketData__Feed"] = "simulated",
        ["MarketData__Alpaca__StreamUrl"] = server.StreamUrl("iex").ToString(),
        ["MarketData__Alpaca__RestUrl"] = server.BaseUrl,
        ["MarketData__Alpaca__KeyId"] = key,
        ["MarketData__Alpaca__SecretKey"] = secret,
        ["MarketData__SessionPath"] = SampleSessionRun.SamplePath,
        // At 60 x a wall second is a market minute: the 5 s default watermark would leave a busy test machine 83 ms
        // to hand a bar from the socket to the session, and the client's reconnect backoff must not read as an outage.
        ["MarketData__Watermark"] = "00:02:00",
        ["MarketData__MaxHold"] = "00:30:00",
        ["MarketClock__Origin"] = origin.ToString("O"),
        ["MarketClock__StartedAt"] = startedAt.ToString("O"),
        ["MarketClock__Speed"] = speed.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>The start of the minute <paramref name="t"/> falls in.</summary>
    public static DateTimeOffset Minute(DateTimeOffset t) => new(t.Ticks - t.Ticks % TimeSpan.TicksPerMinute, TimeSpan.Zero);

    /// <summary>The last minute ingest published (its minute_progress), or MinValue before the first.</summary>
    public static async Task<DateTimeOffset> LastPublished(PipelineRun run) =>
        (await run.Progress.For("ingest").Rows("SELECT max(minute) FROM minute_progress")).Single()[0] is DateTime m
            ? new DateTimeOffset(m, TimeSpan.Zero)
            : DateTimeOffset.MinValue;

    /// <summary>Rows as comparable text lines (timestamps in ISO form, numbers invariant).</summary>
    public static List<string> Text(List<object?[]> rows) =>
        rows.Select(r => string.Join('|', r.Select(v => v is DateTime d ? d.ToString("O") : Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)))).ToList();
}
