namespace Tradewire.FakeVenue;

/// <summary>
/// One <c>/v2</c> request as the venue saw it: <paramref name="Status"/> is the status it answered (or tried to, when
/// the client had gone), <paramref name="ClientOrderId"/> is set for submits only (the effective one, generated when
/// the body had none), <paramref name="Fault"/> is the fault that hit it.
/// </summary>
public sealed record RequestRecord(string Method, string Path, int Status, string? ClientOrderId, FaultKind? Fault);
