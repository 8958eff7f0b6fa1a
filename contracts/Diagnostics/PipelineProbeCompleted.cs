namespace Tradewire.Contracts.Diagnostics;

/// <summary>Event: the pipeline probe passed through the last stage.</summary>
public sealed record PipelineProbeCompleted
{
    public required Guid ProbeId { get; init; }

    /// <summary>Number of services the probe passed through.</summary>
    public required int Hops { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required DateTimeOffset CompletedAt { get; init; }
}
