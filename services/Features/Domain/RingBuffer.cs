using System.Text.Json.Serialization;

namespace Tradewire.Features.Domain;

/// <summary>
/// A fixed-capacity window of the most recent values, oldest first. Pushing into a full window evicts the
/// oldest value and returns it, so a running sum stays O(1) per push. Serializes as its capacity and values
/// (chronological), so the JSON stored in <c>feature_state</c> is readable and loads back to the same window.
/// Not thread-safe (one instance belongs to one symbol's state).
/// </summary>
public sealed class RingBuffer<T>
{
    T[] items;
    int head; // index of the oldest value

    public RingBuffer(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        items = new T[capacity];
    }

    [JsonConstructor]
    RingBuffer(int capacity, T[] values) : this(capacity)
    {
        if (values.Length > capacity)
            throw new ArgumentException($"{values.Length} values do not fit a window of {capacity}.", nameof(values));
        foreach (var v in values)
            Push(v);
    }

    public int Capacity => items.Length;

    /// <summary>The values, oldest first.</summary>
    public T[] Values => [.. Enumerable.Range(0, Count).Select(i => items[(head + i) % items.Length])];

    [JsonIgnore]
    public int Count { get; private set; }

    [JsonIgnore]
    public bool IsFull => Count == items.Length;

    /// <summary>Appends <paramref name="value"/>; when the window was full, returns the evicted (oldest) value.</summary>
    public bool Push(T value, out T evicted)
    {
        if (Count < items.Length)
        {
            items[(head + Count) % items.Length] = value;
            Count++;
            evicted = default!;
            return false;
        }
        evicted = items[head];
        items[head] = value;
        head = (head + 1) % items.Length;
        return true;
    }

    public void Push(T value) => Push(value, out _);

    /// <summary>The value <paramref name="back"/> pushes ago: 1 is the newest value.</summary>
    public T Back(int back)
    {
        if (back < 1 || back > Count)
            throw new ArgumentOutOfRangeException(nameof(back), back, $"The window holds {Count} values.");
        return items[(head + Count - back) % items.Length];
    }
}
