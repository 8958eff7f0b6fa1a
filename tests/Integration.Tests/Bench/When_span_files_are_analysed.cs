using Tradewire.Cli.Bench;

namespace Tradewire.Integration.Tests.Bench;

public sealed class When_span_files_are_analysed
{
    /// <summary>One hop as the services trace it: features consumes, writes, commits; its deliverer sends; signal receives.</summary>
    [Fact]
    public void Should_split_a_hop_into_wait_send_transit_and_consume()
    {
        var dir = Directory.CreateTempSubdirectory("spans").FullName;
        try
        {
            static string Line(string service, string span, string? parent, string source, string name, string kind, long startUs, long durationUs) =>
                JsonSerializer.Serialize(new { service, trace = "t", span, parent, source, name, kind, startUs, durationUs, tags = new { } });
            File.WriteAllLines(Path.Combine(dir, "features-1.jsonl"),
            [
                Line("ingest", "r0", null, "Microsoft.AspNetCore", "POST /replay", "Server", 0, 10),
                Line("features", "rc", null, "MassTransit", "features-minute-bars-closed receive", "Consumer", 1_000, 20_000),   // ends (commits) at 21 ms
                Line("features", "pr", "rc", "MassTransit", "features-minute-bars-closed process", "Consumer", 1_100, 19_000),
                Line("features", "q1", "pr", "Npgsql", "insert", "Client", 2_000, 3_000),
                Line("features", "q2", "pr", "Npgsql", "select", "Client", 6_000, 1_000),
                Line("features", "ob", "pr", "MassTransit", "outbox send", "Producer", 9_000, 500),
                Line("features", "dl", "ob", "Tradewire", "outbox deliver", "Producer", 25_000, 7_000),   // 4 ms after the commit
                Line("features", "dq", "dl", "Npgsql", "delete", "Client", 31_000, 900),               // the deliverer's: not the consume's
                Line("features", "sd", "dl", "MassTransit", "FeaturesComputed send", "Producer", 25_500, 6_000),
            ]);
            File.WriteAllLines(Path.Combine(dir, "signal-2.jsonl"),
                [Line("signal", "sr", "sd", "MassTransit", "signal-signal-inputs receive", "Consumer", 28_500, 12_000)]);

            var rows = SpanHops.Analyze(dir);

            var features = rows["features-minute-bars-closed"];
            Assert.Equal([20.0], features["consume"]);
            Assert.Equal([4.0], features["db"]);
            Assert.Equal([2.0], features["statements"]);
            Assert.Empty(features["send"]);   // its input came from nowhere traced
            var signal = rows["signal-signal-inputs"];
            Assert.Equal(4.0, SpanHops.P50(signal, "wait"));
            Assert.Equal(6.0, SpanHops.P50(signal, "send"));
            Assert.Equal(3.0, SpanHops.P50(signal, "transit"));
            Assert.Equal(12.0, SpanHops.P50(signal, "consume"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
