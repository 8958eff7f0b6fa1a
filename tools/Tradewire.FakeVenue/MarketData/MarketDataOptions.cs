namespace Tradewire.FakeVenue.MarketData;

/// <summary>
/// How a <see cref="MarketDataServer"/> listens, whom it lets in, what it plays and on which clock. Market now =
/// <see cref="Origin"/> + (wall now - <see cref="StartedAt"/>) x <see cref="Speed"/>, the same rule ingest applies to
/// the <c>MarketClock:*</c> settings, so both agree on market time.
/// </summary>
public sealed record MarketDataOptions
{
    /// <summary>Kestrel URL; port 0 picks a free port (read the chosen one from <see cref="MarketDataServer.BaseUrl"/>).</summary>
    public string Url { get; init; } = "http://127.0.0.1:0";

    /// <summary>The key id the stream's auth message and every REST request must carry.</summary>
    public required string KeyId { get; init; }

    /// <summary>The secret the stream's auth message and every REST request must carry.</summary>
    public required string SecretKey { get; init; }

    /// <summary>A recorded session directory (manifest.json + bars.csv, see docs/replay-format.md).</summary>
    public required string SessionDirectory { get; init; }

    /// <summary>Plays the session as if recorded on this date (New York wall-clock times kept); null = the manifest's date.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>Market seconds per wall second (1 = real time).</summary>
    public decimal Speed { get; init; } = 1m;

    /// <summary>The market instant at <see cref="StartedAt"/>; null = the start of the session's earliest minute.</summary>
    public DateTimeOffset? Origin { get; init; }

    /// <summary>The wall instant at which market time was <see cref="Origin"/>; null = when the server starts.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>
    /// Market time between a minute's end and its bar's publication. Alpaca publishes a minute bar shortly after the
    /// minute closes, once its trades are aggregated; one second is a typical lag.
    /// </summary>
    public TimeSpan PublishDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Wall time a connection has to authenticate before <c>404 auth timeout</c>. The streaming page says only "a few
    /// seconds"; ten keeps a slow test machine clear of it.
    /// </summary>
    public TimeSpan AuthTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Faults armed before the first connection (the same ones <c>POST /_control/faults</c> arms later).</summary>
    public IReadOnlyList<DataFault> Faults { get; init; } = [];

    /// <summary>The wall clock (tests may pass a fake one); market time is derived from it.</summary>
    public TimeProvider Wall { get; init; } = TimeProvider.System;
}
