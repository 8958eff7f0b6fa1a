using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.Cli.Operate;

/// <summary>
/// How far one stage has got in a session, from its <c>minute_progress</c> rows: the latest market minute it acted
/// on and when (wall clock), and when the stage before it acted on that same minute.
/// </summary>
public sealed record StageProgress(string Service, DateTimeOffset? Minute, DateTimeOffset? ActedAt, DateTimeOffset? UpstreamActedAt)
{
    /// <summary>Market minutes this stage is behind the one before it (null when either has not started).</summary>
    public int? MinutesBehind(StageProgress upstream) => upstream.Minute is { } up && Minute is { } mine
        ? (int)Math.Round((up - mine).TotalMinutes)
        : null;

    /// <summary>
    /// Wall time between the stage before acting on this stage's latest minute and this stage acting on it: the
    /// pipeline's latency across this hop (null when the stage before has no row for that minute).
    /// </summary>
    public TimeSpan? Latency => ActedAt is { } mine && UpstreamActedAt is { } up ? mine - up : null;

    /// <summary>The minute as the market writes it (New York time, HH:mm), or "-" before the first.</summary>
    public string MinuteText => Minute is { } m ? MarketTimeZone.ToMarketLocal(m).ToString("HH:mm") : "-";
}
