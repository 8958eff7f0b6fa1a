namespace Tradewire.ServiceDefaults.Messaging;

/// <summary>
/// The message itself is wrong (missing field, negative quantity, unknown enum value): retrying cannot help,
/// so it goes straight to the error queue with this reason, before any state was touched.
/// </summary>
public sealed class MessageValidationException(string messageType, IReadOnlyList<string> errors)
    : Exception($"Invalid {messageType}: {string.Join("; ", errors)}")
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
