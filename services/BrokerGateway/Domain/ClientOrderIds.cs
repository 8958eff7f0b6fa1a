using Tradewire.Contracts;

namespace Tradewire.BrokerGateway.Domain;

/// <summary>
/// Deterministic order ids: <c>tw-{execution_id:N}-{ROLE}</c>, and for the OCO pair placed again for a larger
/// filled quantity <c>tw-{execution_id:N}-{ROLE}-r{n}</c> with group <c>oco-{execution_id:N}-r{n}</c> (n = 1, 2, ...
/// the n-th re-placing). The same command always maps to the same ids, so a redelivery, a replay or a retry after an
/// unanswered submit can never create a second order at the broker (the venue refuses a client_order_id twice).
/// </summary>
public static class ClientOrderIds
{
    public static string For(Guid executionId, LegRole role, int replacement = 0) =>
        $"tw-{executionId:N}-{Wire.Name(role)}{Suffix(replacement)}";

    public static string OcoGroup(Guid executionId, int replacement = 0) => $"oco-{executionId:N}{Suffix(replacement)}";

    static string Suffix(int replacement) => replacement switch
    {
        0 => "",
        > 0 => $"-r{replacement}",
        _ => throw new ArgumentOutOfRangeException(nameof(replacement), replacement, "a pair is re-placed 1, 2, ... times"),
    };
}
