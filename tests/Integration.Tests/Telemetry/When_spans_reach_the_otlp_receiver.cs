using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Tradewire.Integration.Tests.Telemetry;

/// <summary>The test's own OTLP receiver, fed by OpenTelemetry's real OTLP/HTTP exporter (no broker, no database).</summary>
public sealed class When_spans_reach_the_otlp_receiver
{
    [Fact]
    public async Task Should_decode_the_service_ids_parent_name_and_start_the_exporter_sent()
    {
        await using var receiver = await OtlpReceiver.Start();
        using var source = new ActivitySource("otlp-receiver-test");
        using var tracing = Sdk.CreateTracerProviderBuilder()
            .ConfigureResource(r => r.AddService("unit-service"))
            .AddSource(source.Name)
            .AddOtlpExporter(o =>
            {
                o.Endpoint = new Uri(receiver.Endpoint, "/v1/traces");
                o.Protocol = OtlpExportProtocol.HttpProtobuf;
                o.ExportProcessorType = ExportProcessorType.Simple;
            })
            .Build();

        Activity? parent, child;
        using (parent = source.StartActivity("minute 14:30", ActivityKind.Producer, default(ActivityContext)))
        using (child = source.StartActivity("consume", ActivityKind.Consumer))
        {
        }
        Assert.True(tracing.ForceFlush(10_000));

        var spans = await Eventually.Until(() => Task.FromResult(receiver.Spans.ToList()), s => s.Count == 2, TimeSpan.FromSeconds(10), "both spans received");
        var root = Assert.Single(spans, s => s.IsRoot);
        var leaf = Assert.Single(spans, s => !s.IsRoot);
        Assert.Equal(("unit-service", "minute 14:30", parent!.TraceId.ToHexString(), parent.SpanId.ToHexString()), (root.Service, root.Name, root.TraceId, root.SpanId));
        Assert.Equal(("consume", parent.TraceId.ToHexString(), root.SpanId, child!.SpanId.ToHexString()), (leaf.Name, leaf.TraceId, leaf.ParentSpanId, leaf.SpanId));
        Assert.Equal((ulong)(parent.StartTimeUtc - DateTime.UnixEpoch).Ticks * 100, root.StartUnixNano);
        Assert.Equal(0, receiver.RefusedRequests);
    }

    [Fact]
    public void Should_skip_fields_it_does_not_need_and_refuse_a_truncated_message()
    {
        // ExportTraceServiceRequest { resource_spans { resource { attributes { key "service.name" value { string_value "s" } } }
        //   scope_spans { spans { trace_id, span_id, name "n", kind = 2 (varint, skipped), a fixed32 field 99 (skipped) } } } }
        byte[] trace = [.. Enumerable.Range(1, 16).Select(i => (byte)i)], span = [.. Enumerable.Range(17, 8).Select(i => (byte)i)];
        var spanBody = Concat(Field(1, trace), Field(2, span), Field(5, "n"u8.ToArray()), [0x30, 0x02], [0x9D, 0x06, 1, 2, 3, 4]);
        var attribute = Concat(Field(1, "service.name"u8.ToArray()), Field(2, Field(1, "s"u8.ToArray())));
        var request = Field(1, Concat(Field(1, Field(1, attribute)), Field(2, Field(2, spanBody))));

        var decoded = Assert.Single(OtlpTraceDecoder.Decode(request));
        Assert.Equal(new OtlpSpan("s", "0102030405060708090a0b0c0d0e0f10", "1112131415161718", "", "n", 0), decoded);
        Assert.Throws<FormatException>(() => OtlpTraceDecoder.Decode(request.AsSpan(0, request.Length - 3)));
    }

    static byte[] Field(int number, byte[] value) => Concat([(byte)(number << 3 | 2), (byte)value.Length], value);

    static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];
}
