namespace Tradewire.Integration.Tests.Messages;

/// <summary>Test event: a consumer should record an effect for <see cref="Key"/> (and throw when <see cref="Fail"/>).</summary>
public sealed record EffectRequested
{
    public required string Key { get; init; }
    public bool Fail { get; init; }
}

/// <summary>Test event: published by the consumer of <see cref="EffectRequested"/> from inside its transaction.</summary>
public sealed record EffectRecorded
{
    public required string Key { get; init; }
}

/// <summary>Test event consumed in batches.</summary>
public sealed record TickObserved
{
    public required string Key { get; init; }
}

/// <summary>Side of a test order.</summary>
public enum TestSide
{
    Buy = 1,
    Sell = 2,
}

/// <summary>Test command with the kinds of fields validation guards: a non-negative quantity and an enum.</summary>
public sealed record PlaceTestOrder
{
    public required string Key { get; init; }

    [System.ComponentModel.DataAnnotations.Range(typeof(decimal), "0", "79228162514264337593543950335",
        ErrorMessage = "Quantity must not be negative")]
    public required decimal Quantity { get; init; }

    public required TestSide Side { get; init; }
}

/// <summary>Test event: starts the counter saga <see cref="CounterId"/>.</summary>
public sealed record CounterStarted
{
    public required Guid CounterId { get; init; }
}

/// <summary>Test event: adds one to the counter saga <see cref="CounterId"/>.</summary>
public sealed record CounterIncremented
{
    public required Guid CounterId { get; init; }
}

/// <summary>Test input of stream <see cref="Stream"/> for a market minute, joined by the minute sequencer.</summary>
public sealed record SequencedInput
{
    public required string Stream { get; init; }
    public required DateOnly SessionDate { get; init; }
    public required DateTimeOffset Minute { get; init; }
}
