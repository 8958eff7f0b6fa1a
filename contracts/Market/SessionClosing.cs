namespace Tradewire.Contracts.Market;

/// <summary>
/// Event: the session is about to close (market time). Published when the market clock passes
/// <see cref="At"/>, which is <see cref="ClosesAt"/> minus the configured lead (default 10 minutes), so
/// execution can tighten stops and flatten before the bell; early-close days shift with the calendar.
/// </summary>
public sealed record SessionClosing
{
    public required DateOnly SessionDate { get; init; }
    public required DateTimeOffset At { get; init; }
    public required DateTimeOffset ClosesAt { get; init; }
}
