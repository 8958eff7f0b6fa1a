namespace Tradewire.Integration.Tests.Support;

/// <summary>One span as a service exported it over OTLP: ids in lower-case hex, the parent's empty for a root.</summary>
public sealed record OtlpSpan(string Service, string TraceId, string SpanId, string ParentSpanId, string Name, ulong StartUnixNano)
{
    public bool IsRoot => ParentSpanId.Length == 0;
}
