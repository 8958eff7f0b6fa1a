namespace Tradewire.Contracts.Market;

/// <summary>
/// Event (watermark): a stage has published everything it will ever publish on <see cref="Stream"/> for the
/// market minute starting at <see cref="Minute"/>. Ingest publishes it for bars after the minute's last bar;
/// each later stage publishes its own once it has handled the complete minute. A consumer acts on a minute
/// only when it has seen <see cref="Count"/> messages of it and this event, whatever order they arrived in.
/// </summary>
public sealed record MinuteClosed
{
    /// <summary>The input stream the count refers to, e.g. <c>bars</c>, <c>features</c>.</summary>
    public required string Stream { get; init; }

    /// <summary>Start of the market minute, UTC, whole minute.</summary>
    public required DateTimeOffset Minute { get; init; }

    /// <summary>Messages of <see cref="Stream"/> published for this minute (zero is valid: a quiet minute).</summary>
    public required int Count { get; init; }
}
