using Tradewire.Cli.Bench;

namespace Tradewire.Integration.Tests.Bench;

/// <summary>The benchmark's targets table (pure; no services).</summary>
public sealed class When_the_bench_targets_are_judged
{
    static BenchResult Run(int symbols, string mode, double wall, bool finished = true, double? bare = null, double? logic = null,
        double? p50 = null, double? p99 = null, int replicas = 1) => new()
    {
        Mode = mode, Symbols = symbols, Bars = symbols * 390, Finished = finished, WallSeconds = wall, BarsPerSecond = symbols * 390 / wall,
        LatencyP50Ms = p50, LatencyP95Ms = null, LatencyP99Ms = p99, PgCommitsPerSecond = 0,
        CpuSeconds = new Dictionary<string, double>(), PeakMemoryMiB = new Dictionary<string, double>(), QueueMessagesPerSecond = new Dictionary<string, double>(),
        Executions = 0, Fills = 0, BareWallSeconds = bare, InMemoryWallSeconds = logic, Replicas = replicas,
    };

    static BenchTarget Row(IReadOnlyList<BenchTarget> targets, string startsWith) => Assert.Single(targets, t => t.Figure.StartsWith(startsWith, StringComparison.Ordinal));

    [Fact]
    public void Should_pass_each_figure_at_its_limit_and_fail_it_just_above()
    {
        var targets = BenchTargets.Judge(
        [
            Run(150, "max speed", 30, bare: 10, logic: 4),
            Run(500, "max speed", 75.1, bare: 24),
            Run(36, "paced 20x", 100, p50: 80, p99: 200.5),
        ], drillDrainSeconds: 10);

        var s150 = Row(targets, "150 symbols");
        Assert.True(s150.Passed);
        Assert.Equal("30 s (bare graph 10 s, in-memory logic 4 s)", s150.Observed);
        Assert.False(Row(targets, "500 symbols").Passed);
        Assert.True(Row(targets, "durability overhead, 150 symbols").Passed);   // 30 / 10 = 3.0x
        Assert.False(Row(targets, "durability overhead, 500 symbols").Passed);  // 75.1 / 24 = 3.1x
        Assert.True(Row(targets, "paced bar-to-fill p50").Passed);
        Assert.False(Row(targets, "paced bar-to-fill p99").Passed);
        Assert.True(Row(targets, "drill").Passed);
    }

    [Fact]
    public void Should_list_every_target_the_run_did_not_measure_as_not_measured_with_the_option_that_measures_it()
    {
        var targets = BenchTargets.Judge([Run(150, "max speed", 20, bare: 10)], drillDrainSeconds: null);

        string[] figures = ["150 symbols", "500 symbols", "durability overhead", "paced bar-to-fill p50", "paced bar-to-fill p99", "drill"];
        Assert.Equal(figures.Length, targets.Count);
        Assert.All(figures.Zip(targets), p => Assert.StartsWith(p.First, p.Second.Figure, StringComparison.Ordinal));
        Assert.Equal([true, null, true, null, null, null], targets.Select(t => t.Passed));
        Assert.Contains("--sizes 500", Row(targets, "500 symbols").Observed, StringComparison.Ordinal);
        Assert.Contains("--drill yes", Row(targets, "drill").Observed, StringComparison.Ordinal);
        Assert.EndsWith("2 passed, 0 failed, 4 not measured.\n", BenchTargets.Markdown(targets).ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_fail_an_unfinished_session_and_a_paced_run_without_fills_whatever_their_figures()
    {
        var targets = BenchTargets.Judge(
        [
            Run(150, "max speed", 12, finished: false, bare: 6),
            Run(36, "paced 20x", 100, finished: true, p50: null, p99: null),
        ], drillDrainSeconds: 10.5);

        Assert.Equal("unfinished after 12 s (bare graph 6 s)", Row(targets, "150 symbols").Observed);
        Assert.False(Row(targets, "150 symbols").Passed);
        Assert.False(Row(targets, "durability overhead, 150 symbols").Passed);
        Assert.False(Row(targets, "paced bar-to-fill p50").Passed);
        Assert.Equal("no fill in the paced run", Row(targets, "paced bar-to-fill p99").Observed);
        Assert.False(Row(targets, "drill").Passed);
    }

    [Fact]
    public void Should_judge_only_the_one_process_max_speed_run_of_a_size()
    {
        var targets = BenchTargets.Judge(
        [
            Run(36, "max speed, features x2", 5, replicas: 2, bare: 1),
            Run(150, "max speed", 40),
        ], null);

        Assert.False(Row(targets, "150 symbols").Passed);
        Assert.Equal("not measured (--sizes)", Row(targets, "durability overhead").Observed);
    }
}
