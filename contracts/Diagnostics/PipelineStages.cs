namespace Tradewire.Contracts.Diagnostics;

/// <summary>The services in pipeline order, and the queue each one's probe consumer listens on.</summary>
public static class PipelineStages
{
    /// <summary>Service names in the order a bar or news item flows through them.</summary>
    public static readonly IReadOnlyList<string> Services =
        ["ingest", "classifier", "features", "watchlist", "signal", "dispatcher", "broker-gateway"];

    /// <summary>The probe queue of the service at <paramref name="hop"/>.</summary>
    public static Uri ProbeQueue(int hop) => new($"queue:{Services[hop]}-pipeline-probe");
}
