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

/// <summary>Test input of a market minute, counted by the minute watermark of stream <see cref="Stream"/>.</summary>
public sealed record MinuteTick
{
    public required string Stream { get; init; }
    public required DateTimeOffset Minute { get; init; }
}
