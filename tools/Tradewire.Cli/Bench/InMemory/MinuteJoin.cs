namespace Tradewire.Cli.Bench.InMemory;

/// <summary>One market minute whose every input stream has arrived (the in-memory twin of the sequencer's CompletedMinute).</summary>
public sealed class JoinedMinute(DateTimeOffset minute, IReadOnlyDictionary<string, object> inputs)
{
    public DateTimeOffset Minute { get; } = minute;

    public T Get<T>(string stream) => (T)inputs[stream];
}

/// <summary>
/// Joins a stage's input streams per market minute and hands out complete minutes strictly in market-time order,
/// starting at the session's first minute, one minute after the other; whatever order the messages arrived in.
/// What production's MinuteSequencer does in SQL, in a dictionary. Not thread-safe: a stage uses it under its gate.
/// </summary>
public sealed class MinuteJoin(DateTimeOffset firstMinute, params string[] streams)
{
    readonly Dictionary<DateTimeOffset, Dictionary<string, object>> _arrived = [];

    /// <summary>The next minute to hand out.</summary>
    public DateTimeOffset Next { get; private set; } = firstMinute;

    /// <summary>Records <paramref name="message"/> as <paramref name="stream"/>'s input for <paramref name="minute"/>; a minute already handed out, or a second copy, is ignored.</summary>
    public void Add(string stream, DateTimeOffset minute, object message)
    {
        if (!streams.Contains(stream))
            throw new ArgumentException($"unknown stream {stream}", nameof(stream));
        if (minute < Next)
            return;
        if (!_arrived.TryGetValue(minute, out var slots))
            _arrived[minute] = slots = new Dictionary<string, object>(StringComparer.Ordinal);
        slots.TryAdd(stream, message);
    }

    /// <summary>
    /// Takes <see cref="Next"/> when every stream has it (and <paramref name="ready"/>, an extra condition, holds);
    /// then <see cref="Next"/> moves one minute on.
    /// </summary>
    public bool TryTake(out JoinedMinute minute, Func<JoinedMinute, bool>? ready = null)
    {
        minute = null!;
        if (!_arrived.TryGetValue(Next, out var slots) || slots.Count < streams.Length)
            return false;
        var candidate = new JoinedMinute(Next, slots);
        if (ready is not null && !ready(candidate))
            return false;
        _arrived.Remove(Next);
        Next = Next.AddMinutes(1);
        minute = candidate;
        return true;
    }
}
