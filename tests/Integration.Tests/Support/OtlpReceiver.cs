using System.Collections.Concurrent;
using System.IO.Compression;
using Microsoft.AspNetCore.Http;

namespace Tradewire.Integration.Tests.Support;

/// <summary>
/// An OTLP/HTTP collector of our own, in the test process: services started with <see cref="Settings"/> export
/// their spans here (<c>POST /v1/traces</c>, <c>application/x-protobuf</c>) instead of to Jaeger. Metrics and logs
/// the SDK also sends are accepted and dropped. A request that is not valid OTLP is answered 400 and counted.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    readonly ConcurrentQueue<OtlpSpan> _spans = new();
    WebApplication _app = null!;
    int _refused;

    public Uri Endpoint { get; private set; } = null!;
    public IReadOnlyCollection<OtlpSpan> Spans => _spans;
    public int RefusedRequests => _refused;

    public static async Task<OtlpReceiver> Start()
    {
        var receiver = new OtlpReceiver();
        (receiver._app, receiver.Endpoint) = await LoopbackHttp.Start(app =>
        {
            app.MapPost("/v1/traces", receiver.Traces);
            app.MapPost("/v1/{signal}", () => Results.Ok());
        });
        return receiver;
    }

    /// <summary>
    /// Environment for a service to export here over OTLP/HTTP with protobuf. The batch queue is made large and quick,
    /// so a whole replay's spans reach the receiver rather than being dropped by a full default-sized queue.
    /// </summary>
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Endpoint.ToString().TrimEnd('/'),
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        ["OTEL_BSP_MAX_QUEUE_SIZE"] = "200000",
        ["OTEL_BSP_MAX_EXPORT_BATCH_SIZE"] = "2048",
        ["OTEL_BSP_SCHEDULE_DELAY"] = "1000",
    };

    async Task<IResult> Traces(HttpRequest request)
    {
        if (request.ContentType?.StartsWith("application/x-protobuf", StringComparison.OrdinalIgnoreCase) != true)
        {
            Interlocked.Increment(ref _refused);
            return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        }
        using var body = new MemoryStream();
        var input = request.Headers.ContentEncoding == "gzip" ? new GZipStream(request.Body, CompressionMode.Decompress) : request.Body;
        await input.CopyToAsync(body);
        try
        {
            foreach (var span in OtlpTraceDecoder.Decode(body.GetBuffer().AsSpan(0, (int)body.Length)))
                _spans.Enqueue(span);
        }
        catch (FormatException)
        {
            Interlocked.Increment(ref _refused);
            return Results.BadRequest();
        }
        // An empty ExportTraceServiceResponse: everything accepted.
        return Results.Bytes([], "application/x-protobuf");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
