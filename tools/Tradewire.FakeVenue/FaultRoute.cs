namespace Tradewire.FakeVenue;

/// <summary>Which <c>/v2</c> requests a <see cref="FakeFault"/> hits.</summary>
public enum FaultRoute
{
    /// <summary><c>POST /v2/orders</c>.</summary>
    Submit,
    /// <summary><c>DELETE /v2/orders/{id}</c>.</summary>
    Cancel,
    /// <summary><c>PATCH /v2/orders/{id}</c>.</summary>
    Replace,
    /// <summary><c>GET /v2/orders/{id}</c> and <c>GET /v2/orders:by_client_order_id</c>.</summary>
    Get,
    /// <summary><c>GET /v2/orders</c>.</summary>
    List,
    /// <summary>Every <c>/v2</c> route, account, clock and positions included.</summary>
    Any,
}
