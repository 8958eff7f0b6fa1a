namespace Tradewire.Cli.Outcomes;

/// <summary>One accepted 1-minute bar of a symbol; <see cref="Minute"/> is the bar's start (UTC).</summary>
public sealed record OutcomeBar(DateTimeOffset Minute, decimal High, decimal Low, decimal Close);
