using System.Diagnostics;
using System.Text.Json;
using OpenTelemetry;

namespace Tradewire.ServiceDefaults.Telemetry;

/// <summary>
/// Writes every finished span as one JSON line to <c>{Telemetry:SpanDirectory}/{service}-{pid}.jsonl</c>. For
/// machines where no trace collector can run (Jaeger and the OpenTelemetry Collector are not installable on
/// the benchmark machine): the same spans OTLP would send, to attribute a hop's latency offline. Off unless
/// the directory is configured; batched by the SDK off the hot path.
/// </summary>
sealed class SpanFileExporter : BaseExporter<Activity>
{
    static readonly string[] Tags = ["messaging.destination.name", "messaging.message.id", "db.statement", "db.query.text"];
    readonly StreamWriter _writer;
    readonly string _service;

    public SpanFileExporter(string directory, string service)
    {
        Directory.CreateDirectory(directory);
        _service = service;
        _writer = new StreamWriter(Path.Combine(directory, $"{service}-{Environment.ProcessId}.jsonl"), append: true) { AutoFlush = false };
    }

    public override ExportResult Export(in OpenTelemetry.Batch<Activity> batch)
    {
        foreach (var a in batch)
        {
            var tags = new Dictionary<string, string>();
            foreach (var name in Tags)
                if (a.GetTagItem(name) is { } value)
                    tags[name] = value.ToString() is { Length: > 120 } text ? text[..120] : value.ToString()!;
            _writer.WriteLine(JsonSerializer.Serialize(new
            {
                service = _service, trace = a.TraceId.ToHexString(), span = a.SpanId.ToHexString(),
                parent = a.ParentSpanId == default ? null : a.ParentSpanId.ToHexString(), source = a.Source.Name, name = a.DisplayName,
                kind = a.Kind.ToString(), startUs = (a.StartTimeUtc - DateTime.UnixEpoch).Ticks / 10, durationUs = a.Duration.Ticks / 10, tags,
            }));
        }
        _writer.Flush();
        return ExportResult.Success;
    }

    protected override bool OnShutdown(int timeoutMilliseconds)
    {
        _writer.Dispose();
        return true;
    }
}
