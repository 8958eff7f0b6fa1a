namespace Tradewire.FakeVenue;

/// <summary>
/// Plays the armed fault of a route around its handler. A filter rather than middleware because it receives the
/// handler's result before it is written: "accept then fail" does the action and throws the real answer away.
/// </summary>
internal sealed class FaultFilter(VenueBook book, FaultRoute route, CancellationToken stopping) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (book.TakeFault(route) is not { } fault) return await next(context);
        var http = context.HttpContext;
        http.Items[RequestJournal.FaultItem] = fault.Kind;
        switch (fault.Kind)
        {
            case FaultKind.Error500:
                return Injected(500);
            case FaultKind.Error503:
                return Injected(503);
            case FaultKind.AcceptThen500:
                await next(context);
                return Injected(500);
            case FaultKind.AcceptThenHang:
                var answer = await next(context);
                using (var either = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, stopping))
                    await Wait(fault.HangMs, either.Token);
                return answer;
            case FaultKind.Hang:
                // The request has reached the venue: it is carried out even if the client stops waiting meanwhile.
                await Wait(fault.HangMs, stopping);
                return await next(context);
            default:
                throw new InvalidOperationException($"unknown fault kind {fault.Kind}");
        }
    }

    static IResult Injected(int status) => Wire.Error(new VenueError(status, status * 100_000, $"injected fault: {status}"));

    static async Task Wait(int ms, CancellationToken cancel)
    {
        try
        {
            await Task.Delay(ms, cancel);
        }
        catch (OperationCanceledException)
        {
            // The client gave up or the venue is stopping: stop waiting, the answer goes nowhere anyway.
        }
    }
}
