using System.Diagnostics;

namespace Tradewire.Tests.Shared;

/// <summary>
/// Polls a condition with a timeout instead of sleeping a fixed time: the one waiting helper of every test project
/// (linked into each that waits; one definition, compiled into each). A timeout fails the test with what was
/// awaited and the last value seen.
/// </summary>
static class Eventually
{
    /// <summary>How long a wait lasts unless the caller says otherwise.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Probes until <paramref name="done"/> holds for the value; returns that value.</summary>
    /// <param name="every">Between probes; 100 ms unless given (a probe that queries a database should not spin).</param>
    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan? timeout = null, string? what = null, TimeSpan? every = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var watch = Stopwatch.StartNew();
        T last = await probe();
        while (!done(last))
        {
            if (watch.Elapsed > limit)
                throw new TimeoutException($"Timed out after {limit.TotalSeconds:F0} s waiting for {what ?? "condition"}; last value: {Describe(last)}");
            await Task.Delay(every ?? TimeSpan.FromMilliseconds(100));
            last = await probe();
        }
        return last;
    }

    /// <summary>Waits until an asynchronous condition holds (a request's answer, say).</summary>
    public static Task Until(Func<Task<bool>> condition, string what, TimeSpan? timeout = null) =>
        Until(condition, holds => holds, timeout, what, TimeSpan.FromMilliseconds(20));

    /// <summary>Waits until an in-memory condition holds; it is cheap, so it is looked at often.</summary>
    public static Task Until(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        Until(() => Task.FromResult(condition()), holds => holds, timeout, what, TimeSpan.FromMilliseconds(5));

    /// <summary>A list prints its items, so a timeout says which of them was not there yet.</summary>
    static string Describe(object? value) => value is System.Collections.IEnumerable items and not string
        ? "[" + string.Join(", ", items.Cast<object?>()) + "]"
        : value?.ToString() ?? "null";
}
