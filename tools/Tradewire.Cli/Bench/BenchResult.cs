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
    /// <summary>CPU seconds of PostgreSQL and of RabbitMQ (all their processes) during the run.</summary>
    public IReadOnlyDictionary<string, double> InfraCpuSeconds { get; init; } = new Dictionary<string, double>();
    /// <summary>Share of the machine's CPU time (all cores) that was busy during the run, in percent.</summary>
    public double? MachineBusyPercent { get; init; }
    public required IReadOnlyDictionary<string, double> QueueMessagesPerSecond { get; init; }
    public required int Executions { get; init; }
    public required int Fills { get; init; }
    /// <summary>The statements that took the most PostgreSQL execution time during the run (empty without pg_stat_statements).</summary>
    public IReadOnlyList<BenchMeasures.Statement> TopStatements { get; init; } = [];
    /// <summary>Processes of the scaled service (features) consuming from the same queues.</summary>
    public int Replicas { get; init; } = 1;
    /// <summary>MD5 of every lane_features row (values, not wall-clock times): equal across replica counts = same results.</summary>
    public string? FeaturesDigest { get; init; }
    /// <summary>lane_features rows whose bar_count is not their position in the symbol's minute order (a bar applied out of order, or lost).</summary>
    public long? OutOfOrderBars { get; init; }
    /// <summary>The same session through the same logic in one process on the in-memory transport (<see cref="InMemory.InMemoryPipeline"/>), max-speed runs only.</summary>
    public double? InMemoryWallSeconds { get; init; }
    /// <summary>Executions and fills of that in-memory run (they must equal the real run's: same logic, same data).</summary>
    public int? InMemoryExecutions { get; init; }
    public int? InMemoryFills { get; init; }
    /// <summary>The same session through the bare message graph (<see cref="BareChainBench"/>), max-speed runs only.</summary>
    public double? BareWallSeconds { get; init; }
    /// <summary>Wall time with outbox, inbox, databases and logic over the bare graph's: the price of durability (and logic).</summary>
    public double? DurabilityOverhead => BareWallSeconds is > 0 ? Math.Round(WallSeconds / BareWallSeconds.Value, 1) : null;
}
