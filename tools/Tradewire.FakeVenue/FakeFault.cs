namespace Tradewire.FakeVenue;

/// <summary>
/// A misbehaviour armed for the next <paramref name="Times"/> requests of <paramref name="Route"/>. Faults are
/// consumed in the order they were added, one per matching request; <paramref name="HangMs"/> only matters to the
/// hanging kinds.
/// </summary>
public sealed record FakeFault(FaultRoute Route, FaultKind Kind, int Times = 1, int HangMs = 5000);
