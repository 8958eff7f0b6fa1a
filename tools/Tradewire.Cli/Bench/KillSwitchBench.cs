using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MassTransit;
using Tradewire.Cli.CommandLine;
using Tradewire.Contracts.Execution;
using Tradewire.Contracts.Market;
using Tradewire.Contracts.Signals;
using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.Cli.Bench;

/// <summary>
/// <c>./tradewire bench-kill [--brackets 50] [--rounds 20]</c>: the kill switch in PAPER with N open brackets, timed
/// over R rounds against the real broker-gateway process, RabbitMQ and PostgreSQL. Each round opens N brackets on
/// a fresh trading day (so the per-day order caps never bind): the commands, then two minutes of bars and
/// dispatcher runs sent to the gateway's queues, so every entry fills and its stop and target work. Then
/// <c>POST /flatten</c>, the ledger is checked (zero working orders, zero open positions) and <c>/resume</c> re-opens
/// entries. Measured per round: until HALTED committed (entries blocked), until flat committed (in the service),
/// and the HTTP round trip. Targets: blocked within 100 ms, flat within 250 ms at p99.
/// </summary>
public static class KillSwitchBench
{
    /// <summary>Milliseconds from the request: HALTED committed, flatten decided (cancels and fills at the broker), ledger written, flat committed; and the HTTP round trip.</summary>
    public sealed record Round(int Brackets, double BlockedMs, double DecidedMs, double SavedMs, double FlatMs, double RoundTripMs, long WorkingAfter, long OpenAfter);

    public static Command Definition(RepoPaths paths)
    {
        // 60 x $1,000 brackets is the default 60 % gross exposure cap.
        var brackets = CliOptions.Int("--brackets", "open PAPER brackets of $1,000 each when the switch is pressed", 50, 1, 60);
        var rounds = CliOptions.Int("--rounds", "presses timed", 20, 1, 1000);
        var command = new Command("bench-kill", "the kill switch timed with N open PAPER brackets against the real broker-gateway") { brackets, rounds };
        command.SetAction(r => Run(paths, r.GetValue(brackets), r.GetValue(rounds)));
        return command;
    }

    public static async Task<int> Run(RepoPaths paths, int brackets, int rounds)
    {
        if (await Shell.Run("bash", [paths.InfraScript, "up"], paths.Root) != 0)
            throw new InvalidOperationException("infrastructure did not start");
        if (await Shell.Run("dotnet", ["build", Path.Combine(paths.Root, "Microservices.sln"), "-c", "Release", "-nologo", "-v", "q", "-clp:ErrorsOnly"], paths.Root) != 0)
            throw new InvalidOperationException("build failed");
        var infra = InfraEnvironment.Load(paths);
        await Environments.ResetDatabases(infra);
        await Environments.DeleteQueues(infra);
        var token = OperatorToken.LoadOrCreate(paths);
        var gateway = ServiceCatalog.Find("broker-gateway")!;
        await using var fleet = new ServiceFleet(paths, infra, token);
        fleet.Start(gateway);
        if ((await fleet.WaitUntilReady(TimeSpan.FromSeconds(120))).Count > 0)
            throw new InvalidOperationException("broker-gateway not ready; see ./tradewire logs broker-gateway");

        var bus = Bus.Factory.CreateUsingRabbitMq(infra.ConfigureRabbitHost);
        await bus.StartAsync();
        using var http = new HttpClient { BaseAddress = gateway.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var db = new Db(infra.ServiceConnectionString(gateway));
        var results = new List<Round>();
        try
        {
            var calendar = new NyseCalendar();
            var session = calendar.NextSession(new DateOnly(2026, 10, 30));
            for (var r = 0; r < rounds; r++, session = calendar.NextSession(session.Date))
            {
                results.Add(await OneRound(bus, http, db, session, brackets, r));
                Console.WriteLine($"   round {r + 1}: {brackets} brackets, blocked {results[^1].BlockedMs:F1} ms, flat {results[^1].FlatMs:F1} ms, round trip {results[^1].RoundTripMs:F1} ms");
            }
        }
        finally
        {
            await bus.StopAsync();
        }

        await BenchReport.Write(paths, "kill-switch", Markdown(results, brackets), results);
        return results.All(x => x.WorkingAfter == 0 && x.OpenAfter == 0) ? 0 : 1;
    }

    static async Task<Round> OneRound(IBus bus, HttpClient http, Db db, TradingSession session, int brackets, int round)
    {
        var m0 = session.OpenUtc;
        var tickers = Enumerable.Range(1, brackets).Select(i => $"K{round:00}{i:00}").ToList();
        var place = await bus.GetSendEndpoint(new Uri("queue:broker-gateway-place-bracket-order"));
        foreach (var t in tickers)
            await place.Send(new PlaceBracketOrder
            {
                ExecutionId = Guid.NewGuid(), RecommendationId = round * 100 + tickers.IndexOf(t), Ticker = t, Side = OrderSide.Buy, Action = TradeAction.BuyStock,
                InstrumentType = InstrumentType.Stock, Qty = 10, EntryPrice = 100m, StopLossPrice = 95m, TakeProfitPrice = 110m, MaxHoldMinutes = 240,
                DecisionTs = m0.AddMinutes(1), SignalTs = m0.AddSeconds(50), Confidence = 0.7m, ConfigSha = "bench-kill-switch", ExecutionMode = ExecutionMode.Paper,
            });
        await Until(() => db.Scalar("SELECT count(*) FROM brackets WHERE dispatch_minute = $1", 0L, m0), n => n == brackets, "brackets stored");
        await Minute(bus, session, m0, tickers, brackets);
        await Minute(bus, session, m0.AddMinutes(1), tickers, 0);
        await Until(() => db.Scalar("SELECT count(*) FROM minute_cursor WHERE session_date = $1 AND next_minute >= $2", 0L, session.Date, m0.AddMinutes(2)),
            n => n == 1, "two minutes processed");
        var working = await db.Scalar("SELECT count(*) FROM orders WHERE status = 'WORKING'", 0L);
        var open = await db.Scalar("SELECT count(*) FROM positions WHERE qty <> 0", 0L);
        if (working != 2 * brackets || open != brackets)
            throw new InvalidOperationException($"round {round + 1}: expected {brackets} positions and {2 * brackets} working legs, found {open} and {working}");

        var watch = Stopwatch.StartNew();
        using var response = await http.PostAsJsonAsync("/flatten", new { actor = "bench:kill-switch", reason = $"round {round + 1}" });
        var roundTrip = watch.Elapsed.TotalMilliseconds;
        response.EnsureSuccessStatusCode();
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var result = new Round(brackets, body.GetProperty("blockedMs").GetDouble(), body.GetProperty("decidedMs").GetDouble(),
            body.GetProperty("savedMs").GetDouble(), body.GetProperty("elapsedMs").GetDouble(), Math.Round(roundTrip, 1),
            await db.Scalar("SELECT count(*) FROM orders WHERE status = 'WORKING'", 0L), await db.Scalar("SELECT count(*) FROM positions WHERE qty <> 0", 0L));
        using var resume = await http.PostAsJsonAsync("/resume", new { actor = "bench:kill-switch", reason = "next round" });
        resume.EnsureSuccessStatusCode();
        return result;
    }

    static async Task Minute(IBus bus, TradingSession session, DateTimeOffset minute, IReadOnlyList<string> tickers, int ordersSent)
    {
        var bars = tickers.Select(t => new Bar { Symbol = t, Minute = minute, Open = 100m, High = 100m, Low = 100m, Close = 100m, Volume = 50_000 }).ToList();
        await (await bus.GetSendEndpoint(new Uri("queue:broker-gateway-minute-bars-closed")))
            .Send(new MinuteBarsClosed { SessionDate = session.Date, Minute = minute, Bars = bars, IsLastOfSession = false });
        await (await bus.GetSendEndpoint(new Uri("queue:broker-gateway-dispatch-run-completed")))
            .Send(new DispatchRunCompleted { SessionDate = session.Date, Minute = minute, RunId = Guid.NewGuid(), OrdersSent = ordersSent });
    }

    static async Task Until(Func<Task<long>> probe, Func<long, bool> done, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!done(await probe()))
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(60))
                throw new InvalidOperationException($"timed out waiting for {what}");
            await Task.Delay(50);
        }
    }

    static string Markdown(IReadOnlyList<Round> rounds, int brackets)
    {
        double P(Func<Round, double> f, double p) => BenchMeasures.Percentile(rounds.Select(f).Order().ToList(), p) ?? double.NaN;
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"# Kill switch, PAPER, {brackets} open brackets, {rounds.Count} rounds ({Environment.ProcessorCount} cores, synchronous commit on)");
        sb.AppendLine();
        sb.AppendLine("| measure | p50 ms | p95 ms | p99 ms | max ms |");
        sb.AppendLine("|---|---|---|---|---|");
        foreach (var (name, f) in new (string, Func<Round, double>)[]
                 {
                     ("HALTED committed (entries blocked)", x => x.BlockedMs), ("flatten decided (book loaded, sagas run, broker cancels and fills)", x => x.DecidedMs),
                     ("ledger, sagas and outbox written", x => x.SavedMs), ("flat committed (orders cancelled, positions closed)", x => x.FlatMs),
                     ("HTTP round trip", x => x.RoundTripMs),
                 })
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {P(f, 50):F1} | {P(f, 95):F1} | {P(f, 99):F1} | {rounds.Max(f):F1} |");
        sb.AppendLine();
        var blocked = P(x => x.BlockedMs, 99);
        var flat = P(x => x.FlatMs, 99);
        var clean = rounds.All(x => x.WorkingAfter == 0 && x.OpenAfter == 0);
        sb.AppendLine("| target | observed | |");
        sb.AppendLine("|---|---|---|");
        sb.AppendLine(CultureInfo.InvariantCulture, $"| new entries blocked within 100 ms (p99) | {blocked:F1} ms | {(blocked <= 100 ? "PASS" : "FAIL")} |");
        sb.AppendLine(CultureInfo.InvariantCulture, $"| all orders cancelled and positions closed in the database within 250 ms (p99) | {flat:F1} ms | {(flat <= 250 ? "PASS" : "FAIL")} |");
        sb.AppendLine(CultureInfo.InvariantCulture, $"| zero working orders and zero open positions after every round | {(clean ? "yes" : "no")} | {(clean ? "PASS" : "FAIL")} |");
        return sb.ToString();
    }
}
