using System.Diagnostics;

namespace Tradewire.ServiceDefaults.Telemetry;

/// <summary>
/// Keeps one trace per market minute across the places where a message's own trace context does not reach: a
/// minute that a background loop publishes (it starts the trace) and work that a consumer stores for a background
/// loop to do later (the stored <c>traceparent</c> lets the loop continue the consumer's trace). Without these, the
/// bar or news item's trace would end at the loop and its results would start unrelated traces.
/// </summary>
public static class TraceLinks
{
    static readonly ActivitySource Source = new(TradewireTelemetry.ActivitySourceName);

    /// <summary>
    /// Starts a new trace whatever activity is ambient (e.g. the HTTP request that started a replay would otherwise
    /// hold a whole session in one trace). Dispose it when the unit of work is done.
    /// </summary>
    public static Activity? StartTrace(string name)
    {
        var ambient = Activity.Current;
        Activity.Current = null;
        var root = Source.StartActivity(name, ActivityKind.Producer);
        if (root is null)
            Activity.Current = ambient; // not sampled or not listened to: leave the caller's context as it was
        return root;
    }

    /// <summary>The current W3C <c>traceparent</c>, to store with work that another loop will do; null when none.</summary>
    public static string? Current => Activity.Current?.Id;

    /// <summary>Continues the trace <paramref name="traceparent"/> was captured in (<see cref="Current"/>); a new trace when it is null or invalid.</summary>
    public static Activity? Continue(string name, string? traceparent) =>
        Source.StartActivity(name, ActivityKind.Internal,
            traceparent is not null && ActivityContext.TryParse(traceparent, null, out var parent) ? parent : default);
}
