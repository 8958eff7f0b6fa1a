namespace Tradewire.Dispatcher.Domain;

/// <summary>
/// Outcome of applying a configuration patch: the new configuration, or a rejection with a stable
/// <see cref="ReasonCode"/> (<c>not_an_object</c>, <c>unknown_key</c>, <c>wrong_type</c>, <c>out_of_range</c>,
/// <c>empty_patch</c>) and a message naming the key.
/// </summary>
public sealed record ConfigPatchResult(DispatcherConfig? Config, string? ReasonCode, string? Message)
{
    public bool Accepted => Config is not null;

    public static ConfigPatchResult Ok(DispatcherConfig config) => new(config, null, null);
    public static ConfigPatchResult Reject(string code, string message) => new(null, code, message);
}
