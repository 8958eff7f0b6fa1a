namespace Tradewire.Integration.Tests.Pipeline;

/// <summary>The spans of a replay grouped into traces, and what a trace test asks of each one.</summary>
public sealed class MinuteTraces(IEnumerable<OtlpSpan> spans)
{
    /// <summary>The span ingest starts for each published minute: the root of that minute's trace.</summary>
    public const string RootName = "ingest minute";

    readonly List<IGrouping<string, OtlpSpan>> _traces = spans.GroupBy(s => s.TraceId).ToList();

    /// <summary>Traces that ingest started for a minute.</summary>
    public IEnumerable<IReadOnlyList<OtlpSpan>> Minutes =>
        _traces.Where(t => t.Any(s => s.IsRoot && s.Service == "ingest" && s.Name == RootName)).Select(t => (IReadOnlyList<OtlpSpan>)t.ToList());

    public static IReadOnlySet<string> Services(IReadOnlyList<OtlpSpan> trace) => trace.Select(s => s.Service).ToHashSet();

    /// <summary>
    /// What is wrong with a trace's tree, if anything: more or fewer than one root, a span whose parent is not in
    /// the trace, a child that started before its parent.
    /// </summary>
    public static IEnumerable<string> Defects(IReadOnlyList<OtlpSpan> trace)
    {
        var byId = trace.ToDictionary(s => s.SpanId);
        var roots = trace.Count(s => s.IsRoot);
        if (roots != 1)
            yield return $"{roots} roots";
        foreach (var span in trace.Where(s => !s.IsRoot))
        {
            if (!byId.TryGetValue(span.ParentSpanId, out var parent))
                yield return $"{span.Service} '{span.Name}': parent {span.ParentSpanId} not in the trace";
            else if (parent.StartUnixNano > span.StartUnixNano)
                yield return $"{span.Service} '{span.Name}' started {(parent.StartUnixNano - span.StartUnixNano) / 1000} µs before its parent {parent.Service} '{parent.Name}'";
        }
    }

    /// <summary>A summary for a failure message: per trace, its services and span count.</summary>
    public string Describe(int limit = 5) => string.Join("; ", _traces.OrderByDescending(t => t.Select(s => s.Service).Distinct().Count()).Take(limit)
        .Select(t => $"{t.Key[..8]}: {t.Count()} spans, roots [{string.Join(", ", t.Where(s => s.IsRoot).Select(s => s.Service + " " + s.Name))}], " +
            $"services [{string.Join(", ", t.Select(s => s.Service).Distinct())}]"));
}
