namespace Tradewire.Ingest.Replay;

/// <summary>
/// Body of <c>POST /replay</c>: a session directory, the trading date to replay it as (default: the
/// manifest's), and the speed (0 = as fast as possible, N = N x real time).
/// </summary>
public sealed record ReplayRequest(string Path, DateOnly? SessionDate, decimal Speed = 0);
