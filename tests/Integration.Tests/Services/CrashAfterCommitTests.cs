namespace Tradewire.Integration.Tests.Services;

[Collection(ServiceProcessesCollection.Name)]
public sealed class When_a_service_is_killed_after_its_commit_and_before_delivery
{
    [Fact]
    public async Task Should_deliver_the_message_exactly_once_after_restart()
    {
        await using var fleet = Fleet.Create();
        var classifier = Fleet.Service("classifier");
        ServiceProcess? crashing = null;
        foreach (var service in ServiceCatalog.All)
        {
            var faults = service == classifier
                ? new Dictionary<string, string> { ["Faults__CrashAfterConsumeCommit"] = "ForwardPipelineProbe" }
                : null;
            var process = fleet.Start(service, faults, Fleet.Configuration);
            if (service == classifier)
                crashing = process;
        }
        Assert.Empty(await fleet.WaitUntilReady(TimeSpan.FromSeconds(120)));

        var probeId = await When_the_seven_services_run_as_processes.StartProbe(Fleet.OperatorToken);
        await Eventually.Until(() => Task.FromResult(crashing!.HasExited), exited => exited, TimeSpan.FromSeconds(60), "the classifier to kill itself");
        Assert.Equal(137, crashing!.ExitCode); // 128 + SIGKILL
        var classifierDb = LocalInfra.Environment.ServiceConnectionString(classifier);
        Assert.Equal(1, await LocalInfra.Count(classifierDb, "SELECT count(*) FROM pipeline_probe_hops WHERE probe_id = $1", probeId));
        Assert.Equal(1, await LocalInfra.Count(classifierDb, """SELECT count(*) FROM "OutboxMessage" """)); // committed, not yet delivered

        fleet.Start(classifier, configuration: Fleet.Configuration);
        var hops = await ProbeWatch.WaitForProbe(LocalInfra.Environment, probeId, TimeSpan.FromSeconds(90));

        Assert.Equal(ServiceCatalog.All.Count, hops.Count);
        var features = LocalInfra.Environment.ServiceConnectionString(Fleet.Service("features"));
        Assert.Equal(1, await LocalInfra.Count(features, "SELECT count(*) FROM pipeline_probe_hops WHERE probe_id = $1", probeId));
        await Eventually.Until(() => LocalInfra.Count(classifierDb, """SELECT count(*) FROM "OutboxMessage" """), n => n == 0, what: "the classifier's outbox to drain");
        Assert.True(await RabbitManagement.MessagesIn("features-pipeline-probe_error") <= 0, "nothing may reach the features error queue");
    }
}
