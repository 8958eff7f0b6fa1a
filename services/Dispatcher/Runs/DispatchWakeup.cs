namespace Tradewire.Dispatcher.Runs;

/// <summary>Wakes the run loop when a tick was recorded, so a run need not wait for the next poll.</summary>
public sealed class DispatchWakeup
{
    readonly SemaphoreSlim _signal = new(0, 1);

    public void Wake()
    {
        try { _signal.Release(); }
        catch (SemaphoreFullException) { } // already signalled: one pending wake is enough
    }

    public Task<bool> Wait(TimeSpan timeout, CancellationToken token) => _signal.WaitAsync(timeout, token);
}
