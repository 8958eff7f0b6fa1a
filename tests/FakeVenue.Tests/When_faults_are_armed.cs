namespace Tradewire.FakeVenue.Tests;

public sealed class When_faults_are_armed
{
    static object Order(string clientOrderId) =>
        new { symbol = "AAPL", qty = 10, side = "buy", type = "market", time_in_force = "day", client_order_id = clientOrderId };

    [Fact]
    public async Task Should_change_nothing_on_an_error500_and_answer_normally_once_it_is_consumed()
    {
        await using var h = await VenueHarness.Start();
        await VenueHarness.Read(await h.Http.PostAsJsonAsync("/fake/faults", new { route = "submit", kind = "error500" }), HttpStatusCode.OK);

        var failed = await h.Submit(Order("c-1"));

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Empty(h.Venue.Orders);
        await h.ByClientOrderId("c-1", HttpStatusCode.NotFound);
        var journal = h.Venue.Requests[0];
        Assert.Equal(("POST", "/v2/orders", 500, "c-1", FaultKind.Error500),
            (journal.Method, journal.Path, journal.Status, journal.ClientOrderId, journal.Fault));
        await h.SubmitOk(Order("c-1")); // the retry goes through
    }

    [Fact]
    public async Task Should_create_the_order_on_acceptThen500()
    {
        await using var h = await VenueHarness.Start();
        h.Venue.AddFault(new FakeFault(FaultRoute.Submit, FaultKind.AcceptThen500));

        var failed = await h.Submit(Order("c-1"));

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        VenueHarness.Fields(await h.ByClientOrderId("c-1"), ("status", "new"));
        await VenueHarness.Refused(await h.Submit(Order("c-1")), HttpStatusCode.UnprocessableEntity, 40010001, "client_order_id must be unique");
    }

    [Fact]
    public async Task Should_create_the_order_on_acceptThenHang_while_the_client_times_out()
    {
        await using var h = await VenueHarness.Start();
        h.Venue.AddFault(new FakeFault(FaultRoute.Submit, FaultKind.AcceptThenHang, HangMs: 30_000));

        // Patience of 2 s: the venue must have read the request before the client goes (a busy CI machine took
        // longer than 300 ms once, and a request the venue never read is rightly never carried out).
        await h.SubmitAndGiveUp(Order("c-1"), TimeSpan.FromSeconds(2));

        VenueHarness.Fields(await h.ByClientOrderId("c-1"), ("status", "new"));
        // The hang ends when the client goes, long before its 30 s: the venue does not hold a dead request.
        await Eventually.Until(() => h.Venue.Requests.Any(r => r.Fault == FaultKind.AcceptThenHang), "the hung submit to end", TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Should_carry_out_a_hung_submit_after_the_client_gave_up()
    {
        await using var h = await VenueHarness.Start();
        h.Venue.AddFault(new FakeFault(FaultRoute.Submit, FaultKind.Hang, HangMs: 4_000));

        // The client leaves after 2 s, once the venue has surely read the request; the venue acts at 4 s.
        await h.SubmitAndGiveUp(Order("c-1"), TimeSpan.FromSeconds(2));

        await h.ByClientOrderId("c-1", HttpStatusCode.NotFound); // not yet: the venue is still "slow"
        await Eventually.Until(async () => (await h.Http.GetAsync("/v2/orders:by_client_order_id?client_order_id=c-1")).IsSuccessStatusCode,
            "the hung submit to land", TimeSpan.FromSeconds(5));
    }
}
