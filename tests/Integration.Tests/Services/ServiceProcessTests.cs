using System.Net;

namespace Tradewire.Integration.Tests.Services;

[Collection(ServiceProcessesCollection.Name)]
public sealed class When_the_seven_services_run_as_processes
{
    [Fact]
    public async Task Should_be_ready_pass_a_probe_through_every_service_in_one_trace_and_stop_cleanly()
    {
        await using var fleet = Fleet.Create();
        foreach (var service in ServiceCatalog.All)
            fleet.Start(service, configuration: Fleet.Configuration);
        Assert.Empty(await fleet.WaitUntilReady(TimeSpan.FromSeconds(120)));

        var probeId = await StartProbe(Fleet.OperatorToken);
        var hops = await ProbeWatch.WaitForProbe(LocalInfra.Environment, probeId, TimeSpan.FromSeconds(60));

        Assert.Equal(ServiceCatalog.All.Select(s => s.Name), hops.Select(h => h.Service));
        var traceId = Assert.Single(hops.Select(h => h.TraceId).Distinct());
        Assert.False(string.IsNullOrEmpty(traceId));

        var exits = await fleet.StopAll(TimeSpan.FromSeconds(20));
        Assert.All(exits, e => Assert.Equal(0, e.ExitCode));
    }

    [Fact]
    public async Task Should_refuse_control_calls_without_the_operator_token()
    {
        await using var fleet = Fleet.Create();
        fleet.Start(Fleet.Service("ingest"), configuration: Fleet.Configuration);
        Assert.Empty(await fleet.WaitUntilReady(TimeSpan.FromSeconds(120)));
        using var http = new HttpClient();

        using var none = await http.PostAsync(new Uri(Fleet.Service("ingest").BaseAddress, "/probe"), null);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "wrong");
        using var wrong = await http.PostAsync(new Uri(Fleet.Service("ingest").BaseAddress, "/probe"), null);

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
    }

    internal static async Task<Guid> StartProbe(string token)
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.PostAsync(new Uri(Fleet.Service("ingest").BaseAddress, "/probe"), null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ProbeAccepted>())!.ProbeId;
    }

    sealed record ProbeAccepted(Guid ProbeId);
}

[CollectionDefinition(Name)]
public sealed class ServiceProcessesCollection : ICollectionFixture<Pipeline.SampleSessionRun>
{
    /// <summary>Tests that run the real service processes share their fixed ports, so they never overlap.</summary>
    public const string Name = "service processes";
}
