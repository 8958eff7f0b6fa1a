namespace Tradewire.Cli.Bench;

/// <summary>One benchmark run's figures (times in seconds, latencies in milliseconds, memory in MiB).</summary>
public sealed record BenchResult
{
    public required string Mode { get; init; }
    public required int Symbols { get; init; }
    public required int Bars { get; init; }
    public required bool Finished { get; init; }
    public required double WallSeconds { get; init; }
    public required double BarsPerSecond { get; init; }
    public required double? LatencyP50Ms { get; init; }
    public required double? LatencyP95Ms { get; init; }
    public required double? LatencyP99Ms { get; init; }
    public required double PgCommitsPerSecond { get; init; }
    public required IReadOnlyDictionary<string, double> CpuSeconds { get; init; }
    public required IReadOnlyDictionary<string, double> PeakMemoryMiB { get; init; }
    public required IReadOnlyDictionary<string, double> QueueMessagesPerSecond { get; init; }
    public required int Executions { get; init; }
    public required int Fills { get; init; }
}
