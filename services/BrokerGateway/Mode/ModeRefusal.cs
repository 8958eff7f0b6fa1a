namespace Tradewire.BrokerGateway.Mode;

/// <summary>Why a mode switch was refused: a stable <paramref name="Code"/>, a sentence for the operator, and the HTTP status.</summary>
public sealed record ModeRefusal(string Code, string Message, int Status = 409);
