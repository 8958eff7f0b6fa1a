using System.Diagnostics;
using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.Cli.Bench.InMemory;

/// <summary>
/// What the stages of one in-memory run share: the session, the wall clock started at the first send, the counts
/// each stage produces (each written by one stage only) and the completion the caller waits on.
/// </summary>
public sealed class PipelineRun(TradingSession session, int minutes)
{
    readonly TaskCompletionSource<double> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TradingSession Session { get; } = session;
    public DateOnly SessionDate => Session.Date;
    public DateTimeOffset FirstMinute => Session.OpenUtc;
    public int Minutes { get; } = minutes;
    public Stopwatch Wall { get; } = new();

    public int Recommendations;
    public int Executions;
    public int Fills;
    public int GatewayMinutes;

    /// <summary>Wall seconds from the first send to the gateway's last minute.</summary>
    public Task<double> Completion => _done.Task;

    public void Complete() => _done.TrySetResult(Wall.Elapsed.TotalSeconds);

    public void Fail(Exception e) => _done.TrySetException(e);

    public void Cancel(CancellationToken token) => _done.TrySetCanceled(token);
}

/// <summary>
/// A pipeline stage: one consumer instance on its own receive endpoint, holding its state in memory. Messages are
/// handled one at a time (the gate, on top of the endpoint's concurrency limit of 1); a failure fails the run
/// instead of leaving it waiting for a minute that never comes.
/// </summary>
public abstract class MinuteStage(PipelineRun run)
{
    readonly SemaphoreSlim _gate = new(1, 1);

    protected PipelineRun Run { get; } = run;

    protected async Task Guarded(Func<Task> body)
    {
        await _gate.WaitAsync();
        try
        {
            await body();
        }
        catch (Exception e)
        {
            Run.Fail(new InvalidOperationException($"{GetType().Name} failed: {e.Message}", e));
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }
}
