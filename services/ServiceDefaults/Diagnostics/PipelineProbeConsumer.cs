using System.Diagnostics;
using Tradewire.Contracts.Diagnostics;
using Tradewire.ServiceDefaults.Database;

namespace Tradewire.ServiceDefaults.Diagnostics;

/// <summary>
/// Records a probe hop in this service's database and passes the probe on, in one transaction
/// (the outbox). Every service runs it on its own <c>&lt;service&gt;-pipeline-probe</c> queue.
/// </summary>
public sealed class PipelineProbeConsumer<TDbContext>(TDbContext db, ServiceIdentity service, TimeProvider time)
    : IConsumer<ForwardPipelineProbe>
    where TDbContext : ServiceDbContext
{
    public async Task Consume(ConsumeContext<ForwardPipelineProbe> context)
    {
        var probe = context.Message;
        if (PipelineStages.Services[probe.Hop] != service.Name)
            throw new InvalidOperationException($"Probe hop {probe.Hop} belongs to {PipelineStages.Services[probe.Hop]}, not {service.Name}");

        db.Add(new ProbeHop
        {
            ProbeId = probe.ProbeId,
            Hop = probe.Hop,
            Service = service.Name,
            TraceId = Activity.Current?.TraceId.ToString(),
            StartedAt = probe.StartedAt,
            ReceivedAt = time.GetUtcNow(),
        });

        var next = probe.Hop + 1;
        if (next < PipelineStages.Services.Count)
        {
            var endpoint = await context.GetSendEndpoint(PipelineStages.ProbeQueue(next));
            await endpoint.Send(probe with { Hop = next }, context.CancellationToken);
        }
        else
        {
            await context.Publish(new PipelineProbeCompleted
            {
                ProbeId = probe.ProbeId,
                Hops = PipelineStages.Services.Count,
                StartedAt = probe.StartedAt,
                CompletedAt = time.GetUtcNow(),
            }, context.CancellationToken);
        }
    }
}
