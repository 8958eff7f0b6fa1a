using System.Diagnostics;

namespace Tradewire.Integration.Tests.Support;

/// <summary>Polls a condition with a timeout instead of sleeping a fixed time.</summary>
public static class Eventually
{
    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan? timeout = null, string? what = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(30);
        var watch = Stopwatch.StartNew();
        T last = await probe();
        while (!done(last))
        {
            if (watch.Elapsed > limit)
                throw new TimeoutException($"Timed out after {limit.TotalSeconds:F0} s waiting for {what ?? "condition"}; last value: {Describe(last)}");
            await Task.Delay(100);
            last = await probe();
        }
        return last;
    }

    /// <summary>A list prints its items, so a timeout says which of them was not there yet.</summary>
    static string Describe(object? value) => value is System.Collections.IEnumerable items and not string
        ? "[" + string.Join(", ", items.Cast<object?>()) + "]"
        : value?.ToString() ?? "null";
}
