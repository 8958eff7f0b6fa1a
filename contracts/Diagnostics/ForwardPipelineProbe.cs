namespace Tradewire.Contracts.Diagnostics;

/// <summary>
/// Command: record that the pipeline probe reached this service and forward it to the next stage.
/// The probe walks ingest → classifier → features → watchlist → signal → dispatcher → broker-gateway,
/// one hop per service, each hop committed with the service's own inbox and outbox, so a completed probe
/// proves every service, its database and the broker are wired end to end in one trace.
/// </summary>
public sealed record ForwardPipelineProbe
{
    /// <summary>Identity of the probe; the same on every hop.</summary>
    public required Guid ProbeId { get; init; }

    /// <summary>Zero-based index of the stage that must handle this command.</summary>
    public required int Hop { get; init; }

    /// <summary>When the probe was started (UTC, from the starting service's clock).</summary>
    public required DateTimeOffset StartedAt { get; init; }
}
