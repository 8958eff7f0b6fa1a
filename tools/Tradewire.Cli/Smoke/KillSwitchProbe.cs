using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tradewire.Cli.Smoke;

/// <summary>
/// The smoke test's kill switch, only on a PAPER book. First the gateway's rehearsal: a synthetic paper bracket of
/// its own is entered, filled, protected by its OCO pair and flattened with the kill switch, then rolled back. Then
/// a real press of <c>/flatten</c>, only when the book is flat (a press would otherwise close the operator's
/// positions), followed by the trading state it found (ACTIVE, PAUSED or REDUCING) being set again. Both must
/// answer within the plan's 2 s; afterwards state, mode and book must be as before.
/// </summary>
public sealed class KillSwitchProbe(SystemTarget target, HttpClient http)
{
    public const double LimitMs = 2000;
    const string Actor = "operator (./tradewire smoke)";

    sealed record Book(string State, string Mode, long Positions, long WorkingOrders, long RehearsalRows)
    {
        public override string ToString() =>
            $"state {State}, mode {Mode}, {Positions} open positions, {WorkingOrders} working orders, {RehearsalRows} rehearsal rows";
    }

    public async Task<IReadOnlyList<SessionCheck>> Run()
    {
        const string rehearsalName = "kill switch on the smoke test's own paper bracket (rehearsed, rolled back)";
        const string pressName = "kill switch press on the PAPER book (POST /flatten)";
        const string foundName = "system left as the smoke test found it";
        var rehearsalExpected = $"<= {LimitMs:0} ms, bracket entered, filled, flattened";
        var pressExpected = $"<= {LimitMs:0} ms; then HALTED, 0 working orders, 0 open positions";
        var before = await Look();
        if (before.Mode != "PAPER")
        {
            var why = $"refused: the broker-gateway is in {before.Mode} mode; the smoke test presses the kill switch only on a PAPER book";
            return [new(rehearsalName, rehearsalExpected, why, false), new(pressName, pressExpected, why, false), new(foundName, before.ToString(), before.ToString(), true)];
        }

        var rehearsal = await Timed("/flatten/rehearsal", null);
        var rehearsed = new SessionCheck(rehearsalName, rehearsalExpected, rehearsal.Observed, rehearsal.Ok && rehearsal.Ms <= LimitMs);

        SessionCheck pressed;
        if (before.Positions > 0 || before.WorkingOrders > 0)
            pressed = new(pressName, pressExpected,
                $"refused: the book holds {before.Positions} open positions and {before.WorkingOrders} working orders that a press would close; run the smoke test on a flat book, right after start-up", false);
        else
        {
            var press = await Timed("/flatten", new { actor = Actor, reason = "smoke test: kill switch on a flat PAPER book" });
            var halted = await Look();
            await Restore(before.State);
            pressed = new(pressName, pressExpected, $"{press.Observed}; then {halted}",
                press.Ok && press.Ms <= LimitMs && halted is { State: "HALTED", WorkingOrders: 0, Positions: 0 });
        }
        var after = await Look();
        return [rehearsed, pressed, new(foundName, before.ToString(), after.ToString(), after == before)];
    }

    /// <summary>Sets the trading state the smoke test found; a book found HALTED stays halted.</summary>
    async Task Restore(string state)
    {
        var route = state switch { "ACTIVE" => "/resume", "PAUSED" => "/pause", "REDUCING" => "/reduce", _ => null };
        if (route is null)
            return;
        using var response = await http.PostAsJsonAsync(target.Endpoint("broker-gateway", route), new { actor = Actor, reason = "smoke test: back to the state it found" });
        response.EnsureSuccessStatusCode();
    }

    async Task<(bool Ok, double Ms, string Observed)> Timed(string path, object? body)
    {
        var watch = Stopwatch.StartNew();
        using var response = body is null
            ? await http.PostAsync(target.Endpoint("broker-gateway", path), null)
            : await http.PostAsJsonAsync(target.Endpoint("broker-gateway", path), body);
        var ms = watch.Elapsed.TotalMilliseconds;
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            return (false, ms, $"{(int)response.StatusCode} after {ms:0} ms: {(text.Length > 200 ? text[..200] : text)}");
        var outcome = JsonDocument.Parse(text).RootElement;
        var flat = outcome.GetProperty("flat").GetBoolean();
        return (flat, ms, $"{ms:0} ms round trip (gateway {outcome.GetProperty("elapsedMs").GetDouble():0} ms), flat {(flat ? "yes" : "NO")}");
    }

    async Task<Book> Look()
    {
        var mode = JsonDocument.Parse(await http.GetStringAsync(target.Endpoint("broker-gateway", "/mode"))).RootElement.GetProperty("mode").GetString()!;
        var risk = JsonDocument.Parse(await http.GetStringAsync(target.Endpoint("broker-gateway", "/risk"))).RootElement;
        var row = (await target.Db("broker-gateway").Rows("""
            SELECT (SELECT count(*) FROM positions WHERE qty <> 0), (SELECT count(*) FROM orders WHERE status = 'WORKING'),
                   (SELECT count(*) FROM brackets WHERE ticker = 'ZZREHEARSAL') + (SELECT count(*) FROM orders WHERE ticker = 'ZZREHEARSAL')
            """))[0];
        return new Book(risk.GetProperty("state").GetProperty("state").GetString()!, mode, (long)row[0]!, (long)row[1]!, (long)row[2]!);
    }
}
