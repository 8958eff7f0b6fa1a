namespace Tradewire.ServiceDefaults.Diagnostics;

/// <summary>A pipeline-probe hop as this service recorded it (table <c>pipeline_probe_hops</c>).</summary>
public sealed class ProbeHop
{
    public Guid ProbeId { get; set; }
    public int Hop { get; set; }
    public string Service { get; set; } = "";
    public string? TraceId { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
}
