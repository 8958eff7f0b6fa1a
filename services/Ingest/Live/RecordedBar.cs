namespace Tradewire.Ingest.Live;

/// <summary>A refused, late or updated bar with the minute book's verdict on it.</summary>
public sealed record RecordedBar(FeedBar Bar, BarOutcome Outcome);
