using System.Globalization;
using System.Text.Json;

namespace Tradewire.Cli.Bench;

/// <summary>
/// <c>./tradewire spans DIR</c>: where a hop's latency goes, from the span files the services write when
/// <c>Telemetry__SpanDirectory=DIR</c> is set (no trace collector runs on the benchmark machine). For each
/// consumer queue, p50 over the last replay's messages, in ms:
/// <list type="bullet">
/// <item>wait: from the producer's consume (its commit) to its outbox deliverer sending the message; for
/// ingest's messages, from writing them in the replay loop (their commit included);</item>
/// <item>send: publishing to RabbitMQ until its publisher confirm (the message persisted);</item>
/// <item>transit: from the send's start to the consumer's receive;</item>
/// <item>consume: the consumer's receive span (inbox, logic, outbox, commit), and within it the time and number
/// of its PostgreSQL statements (the commit itself is not a traced statement).</item>
/// </list>
/// Chain followed, by parent span: receive, "X send", "outbox deliver", "outbox send" (written in the producer's
/// consume), the producer's process and receive spans.
/// </summary>
public static class SpanHops
{
    sealed record Span(string Service, string Id, string? Parent, string Source, string Name, string Kind, long StartUs, long DurationUs)
    {
        public long EndUs => StartUs + DurationUs;
    }

    static readonly string[] Columns = ["wait", "send", "transit", "consume", "db", "statements"];

    public static System.CommandLine.Command Definition()
    {
        var directory = new System.CommandLine.Argument<DirectoryInfo>("DIR") { Description = "a Telemetry__SpanDirectory the services wrote to" };
        System.CommandLine.ArgumentValidation.AcceptExistingOnly(directory);
        var command = new System.CommandLine.Command("spans", "where each hop's latency goes, from the span files services write with Telemetry__SpanDirectory=DIR") { directory };
        command.SetAction(r => Run(r.GetValue(directory)!.FullName));
        return command;
    }

    public static int Run(string directory)
    {
        Console.WriteLine("| consumer queue | messages | " + string.Join(" | ", Columns.Select(c => c + " p50")) + " |");
        Console.WriteLine("|---|---|" + string.Concat(Columns.Select(_ => "---|")));
        foreach (var (queue, row) in Analyze(directory))
            Console.WriteLine($"| {queue} | {row["consume"].Count} | " + string.Join(" | ", Columns.Select(c =>
                P50(row, c) is { } v ? v.ToString(c == "statements" ? "F0" : "F1", CultureInfo.InvariantCulture) : "-")) + " |");
        return 0;
    }

    public static double? P50(IReadOnlyDictionary<string, List<double>> row, string column) => BenchMeasures.Percentile(row[column].Order().ToList(), 50);

    /// <summary>Per consumer queue, the values of each column (<c>wait, send, transit, consume, db, statements</c>) over the last replay.</summary>
    public static SortedDictionary<string, Dictionary<string, List<double>>> Analyze(string directory)
    {
        var spans = Load(directory);
        var children = spans.Values.Where(s => s.Parent is not null).ToLookup(s => s.Parent!);
        // The last replay's messages only (a bench's paced run follows its warm-up session).
        var since = spans.Values.Where(s => s.Name == "POST /replay").Select(s => s.StartUs).DefaultIfEmpty(0).Max();
        var rows = new SortedDictionary<string, Dictionary<string, List<double>>>(StringComparer.Ordinal);
        foreach (var receive in spans.Values.Where(s => s.StartUs >= since && s.Kind == "Consumer" && s.Name.EndsWith(" receive", StringComparison.Ordinal)
                                                        && !s.Name.StartsWith("mediator", StringComparison.Ordinal)))
        {
            var row = Row(rows, receive.Name[..^" receive".Length]);
            row["consume"].Add(Ms(receive.DurationUs));
            var statements = Descendants(receive, children).Where(s => s.Source == "Npgsql").ToList();
            row["db"].Add(Ms(statements.Sum(s => s.DurationUs)));
            row["statements"].Add(statements.Count);
            if (Get(spans, receive.Parent) is not { } send)
                continue;
            row["send"].Add(Ms(send.DurationUs));
            row["transit"].Add(Ms(receive.StartUs - send.StartUs));
            if (Get(spans, send.Parent) is not { Name: "outbox deliver" } deliver || Get(spans, deliver.Parent) is not { } written)
                continue;
            var producer = Get(spans, Get(spans, written.Parent)?.Parent);
            var committed = producer is { Kind: "Consumer" } && producer.Name.EndsWith(" receive", StringComparison.Ordinal) ? producer.EndUs : written.EndUs;
            row["wait"].Add(Ms(deliver.StartUs - committed));
        }
        return rows;
    }

    static Dictionary<string, List<double>> Row(SortedDictionary<string, Dictionary<string, List<double>>> rows, string queue)
    {
        if (!rows.TryGetValue(queue, out var row))
            rows[queue] = row = Columns.ToDictionary(c => c, _ => new List<double>());
        return row;
    }

    /// <summary>Spans under <paramref name="root"/>, not following into the outbox deliverer (it runs after the consume, in the background).</summary>
    static IEnumerable<Span> Descendants(Span root, ILookup<string, Span> children)
    {
        var stack = new Stack<Span>([root]);
        while (stack.TryPop(out var span))
            foreach (var child in children[span.Id].Where(c => c.Name != "outbox deliver"))
            {
                yield return child;
                stack.Push(child);
            }
    }

    static Span? Get(Dictionary<string, Span> spans, string? id) => id is not null && spans.TryGetValue(id, out var s) ? s : null;

    static double Ms(long us) => us / 1000.0;

    static Dictionary<string, Span> Load(string directory)
    {
        var spans = new Dictionary<string, Span>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(directory, "*.jsonl"))
            foreach (var line in File.ReadLines(file))
            {
                using var doc = JsonDocument.Parse(line);
                var r = doc.RootElement;
                var span = new Span(r.GetProperty("service").GetString()!, r.GetProperty("span").GetString()!,
                    r.GetProperty("parent").GetString(), r.GetProperty("source").GetString()!, r.GetProperty("name").GetString()!,
                    r.GetProperty("kind").GetString()!, r.GetProperty("startUs").GetInt64(), r.GetProperty("durationUs").GetInt64());
                spans[span.Id] = span;
            }
        return spans;
    }
}
