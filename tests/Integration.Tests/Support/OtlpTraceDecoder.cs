using System.Text;

namespace Tradewire.Integration.Tests.Support;

/// <summary>
/// Reads an OTLP <c>ExportTraceServiceRequest</c> (protobuf, as opentelemetry-proto defines it) for the few fields a
/// trace test needs: the resource's <c>service.name</c> and each span's trace id, span id, parent span id, name and
/// start time. Every other field is skipped by its wire type, so a newer exporter's additions do not break it.
/// </summary>
public static class OtlpTraceDecoder
{
    public static IReadOnlyList<OtlpSpan> Decode(ReadOnlySpan<byte> request)
    {
        var spans = new List<OtlpSpan>();
        var reader = new ProtoReader(request);
        while (reader.Next(out var field, out var wire))
            if (field == 1 && wire == ProtoReader.Bytes) // resource_spans
                ResourceSpans(reader.ReadBytes(), spans);
            else
                reader.Skip(wire);
        return spans;
    }

    static void ResourceSpans(ReadOnlySpan<byte> message, List<OtlpSpan> spans)
    {
        var service = "";
        var scopes = new List<byte[]>();
        var reader = new ProtoReader(message);
        while (reader.Next(out var field, out var wire))
            if (field == 1 && wire == ProtoReader.Bytes) // resource
                service = ServiceName(reader.ReadBytes()) ?? service;
            else if (field == 2 && wire == ProtoReader.Bytes) // scope_spans, read once the resource is known
                scopes.Add(reader.ReadBytes().ToArray());
            else
                reader.Skip(wire);
        foreach (var scope in scopes)
        {
            var scopeReader = new ProtoReader(scope);
            while (scopeReader.Next(out var field, out var wire))
                if (field == 2 && wire == ProtoReader.Bytes) // spans
                    spans.Add(Span(scopeReader.ReadBytes(), service));
                else
                    scopeReader.Skip(wire);
        }
    }

    static string? ServiceName(ReadOnlySpan<byte> resource)
    {
        var reader = new ProtoReader(resource);
        while (reader.Next(out var field, out var wire))
        {
            if (field != 1 || wire != ProtoReader.Bytes) // attributes: KeyValue { key = 1; AnyValue value = 2 }
            {
                reader.Skip(wire);
                continue;
            }
            string? key = null, value = null;
            var attribute = new ProtoReader(reader.ReadBytes());
            while (attribute.Next(out var f, out var w))
                if (f == 1 && w == ProtoReader.Bytes)
                    key = Encoding.UTF8.GetString(attribute.ReadBytes());
                else if (f == 2 && w == ProtoReader.Bytes)
                    value = StringValue(attribute.ReadBytes());
                else
                    attribute.Skip(w);
            if (key == "service.name")
                return value;
        }
        return null;
    }

    static string? StringValue(ReadOnlySpan<byte> anyValue)
    {
        var reader = new ProtoReader(anyValue);
        while (reader.Next(out var field, out var wire))
            if (field == 1 && wire == ProtoReader.Bytes) // string_value
                return Encoding.UTF8.GetString(reader.ReadBytes());
            else
                reader.Skip(wire);
        return null;
    }

    static OtlpSpan Span(ReadOnlySpan<byte> span, string service)
    {
        string trace = "", id = "", parent = "", name = "";
        ulong start = 0;
        var reader = new ProtoReader(span);
        while (reader.Next(out var field, out var wire))
            switch (field, wire)
            {
                case (1, ProtoReader.Bytes): trace = Convert.ToHexStringLower(reader.ReadBytes()); break;
                case (2, ProtoReader.Bytes): id = Convert.ToHexStringLower(reader.ReadBytes()); break;
                case (4, ProtoReader.Bytes): parent = Convert.ToHexStringLower(reader.ReadBytes()); break;
                case (5, ProtoReader.Bytes): name = Encoding.UTF8.GetString(reader.ReadBytes()); break;
                case (7, ProtoReader.Fixed64): start = reader.ReadFixed64(); break;
                default: reader.Skip(wire); break;
            }
        if (trace.Length != 32 || id.Length != 16 || parent.Length is not (0 or 16))
            throw new FormatException($"span '{name}' of {service} has malformed ids: trace '{trace}', span '{id}', parent '{parent}'");
        return new OtlpSpan(service, trace, id, parent, name, start);
    }
}
