using Tradewire.Cli.Operate;

namespace Tradewire.Integration.Tests.Operate;

/// <summary>The supervisor's restart backoff (pure; no processes).</summary>
public class When_a_service_keeps_dying
{
    static readonly BackoffPolicy Policy = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(60));

    [Fact]
    public void The_wait_doubles_with_each_failure_in_a_row_up_to_the_cap()
    {
        var waits = Enumerable.Range(1, 9).Select(n => Policy.Delay(n).TotalSeconds).ToList();
        Assert.Equal([1, 2, 4, 8, 16, 32, 60, 60, 60], waits);
        Assert.Equal(TimeSpan.FromSeconds(60), Policy.Delay(1000));
    }

    [Fact]
    public void A_crash_loop_counts_up_and_a_death_after_a_stable_run_starts_again()
    {
        var failures = 0;
        foreach (var ran in new[] { 2.0, 1.0, 3.0 })
            failures = Policy.NextFailureCount(failures, TimeSpan.FromSeconds(ran));
        Assert.Equal(3, failures);
        Assert.Equal(TimeSpan.FromSeconds(4), Policy.Delay(failures));

        failures = Policy.NextFailureCount(failures, TimeSpan.FromMinutes(5));
        Assert.Equal(1, failures);
        Assert.Equal(TimeSpan.FromSeconds(1), Policy.Delay(failures));
    }

    [Fact]
    public void There_is_no_wait_before_a_first_failure()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Policy.Delay(0));
    }
}
