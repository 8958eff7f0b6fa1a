namespace Tradewire.FakeVenue;

/// <summary>How a <see cref="FakeFault"/> misbehaves; the JSON names are the camelCase ones (<c>acceptThen500</c>).</summary>
public enum FaultKind
{
    /// <summary>Answer 500 without doing anything.</summary>
    Error500,
    /// <summary>Answer 503 without doing anything.</summary>
    Error503,
    /// <summary>Do the action, then answer 500: the client cannot tell that it happened.</summary>
    AcceptThen500,
    /// <summary>Do the action, then hold the answer back for the hang time (less if the client gives up).</summary>
    AcceptThenHang,
    /// <summary>Wait the hang time, then do the action and answer, even if the client gave up meanwhile.</summary>
    Hang,
}
