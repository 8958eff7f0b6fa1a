using System.Text.Json;
using Microsoft.Extensions.Options;
using Tradewire.BrokerGateway.Broker;
using Tradewire.BrokerGateway.Broker.Alpaca;

namespace Tradewire.BrokerGateway.Venue;

/// <summary>
/// Read-only calls to the venue (Alpaca's Trading API v2) for the LIVE gate and reconciliation: the account, the
/// open orders (OCO legs included), the positions. Same client and retry rule as the trading adapter.
/// A call that fails after every attempt, or answers something unreadable, is a <see cref="VenueAnswer{T}"/>
/// failure, never an empty list: a venue that did not answer is not a flat venue.
/// </summary>
public sealed class VenueReader(IHttpClientFactory http, IOptions<BrokerOptions> options, BrokerFactory brokers, ILogger<VenueReader> log)
{
    /// <summary>Alpaca's largest page of <c>GET /v2/orders</c>; a full page cannot prove it holds every open order.</summary>
    const int PageLimit = 500;

    AlpacaClient Client() => new(http.CreateClient(BrokerFactory.AlpacaClient), options.Value.Alpaca, brokers.Budget, log);

    /// <summary>The account's status (<c>ACTIVE</c> when it may trade).</summary>
    public async Task<VenueAnswer<string>> AccountStatus()
    {
        var reply = await Client().Send(HttpMethod.Get, "v2/account", null, "account");
        return Read(reply, "account", body => JsonDocument.Parse(body).RootElement.GetProperty("status").GetString() ?? "");
    }

    public async Task<VenueAnswer<IReadOnlyList<VenueOrderView>>> OpenOrders()
    {
        var reply = await Client().Send(HttpMethod.Get, $"v2/orders?status=open&nested=false&limit={PageLimit}", null, "list open orders");
        var answer = Read<IReadOnlyList<VenueOrderView>>(reply, "open orders", body =>
            JsonSerializer.Deserialize<List<AlpacaOrder>>(body, AlpacaWire.Json)!.Select(View).ToList());
        return answer.Value is { Count: >= PageLimit }
            ? VenueAnswer<IReadOnlyList<VenueOrderView>>.Failed($"the venue listed {PageLimit} open orders, its page limit: the list may be incomplete")
            : answer;
    }

    public async Task<VenueAnswer<IReadOnlyList<VenuePositionView>>> Positions()
    {
        var reply = await Client().Send(HttpMethod.Get, "v2/positions", null, "list positions");
        return Read<IReadOnlyList<VenuePositionView>>(reply, "positions", body =>
            JsonSerializer.Deserialize<List<AlpacaPositionBody>>(body, AlpacaWire.Json)!
                .Select(p => new VenuePositionView(p.Symbol, p.Side == "short" && p.Qty > 0 ? -p.Qty : p.Qty)).ToList());
    }

    static VenueOrderView View(AlpacaOrder o) =>
        new(o.ClientOrderId, o.Symbol, o.Side, o.Qty ?? 0, o.FilledQty, o.Status, o.LedgerStatus == Domain.OrderStatus.Working);

    static VenueAnswer<T> Read<T>(AlpacaClient.Reply reply, string what, Func<string, T> parse)
    {
        if (!reply.Ok)
            return VenueAnswer<T>.Failed(reply.Status is { } s ? $"{what}: HTTP {(int)s} {reply.Message}" : $"{what}: no answer ({string.Join("; ", reply.Faults)})");
        try
        {
            return VenueAnswer<T>.Ok(parse(reply.Body));
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or NullReferenceException)
        {
            return VenueAnswer<T>.Failed($"{what}: unreadable answer ({e.Message})");
        }
    }

    sealed record AlpacaPositionBody(string Symbol, decimal Qty, string Side);
}
