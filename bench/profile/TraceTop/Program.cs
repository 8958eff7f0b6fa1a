using Microsoft.Diagnostics.Tracing.Etlx;

// Where a service's managed CPU goes, from a dotnet-trace EventPipe trace (bench/profile/profile.sh): of the sample
// profiler's samples, only those taken while the thread ran managed code (not waiting, not in native code), counted
// by module, by leaf method and by the nearest frame of our own code.
if (args.Length == 0 || !File.Exists(args[0]))
{
    Console.Error.WriteLine("usage: TraceTop TRACE.nettrace [TOP]: the trace file does not exist");
    return 2;
}
var path = args[0];
var top = args.Length > 1 ? int.Parse(args[1]) : 25;
var etlx = TraceLog.CreateFromEventPipeDataFile(path);
using var log = new TraceLog(etlx);
var leaf = new Dictionary<string, int>();
var ours = new Dictionary<string, int>();
var byNamespace = new Dictionary<string, int>();
int managed = 0, all = 0;
foreach (var e in log.Events)
{
    if (e.ProviderName != "Microsoft-DotNETCore-SampleProfiler" || e.EventName != "Thread/Sample") continue;
    all++;
    // The payload's Type: 1 = the thread was outside managed code (waiting or native), 2 = running managed code.
    if (Convert.ToInt32(e.PayloadValue(0)) != 2) continue;
    managed++;
    var stack = e.CallStack();
    if (stack is null) continue;
    var name = stack.CodeAddress.FullMethodName;
    if (string.IsNullOrEmpty(name)) name = "?";
    leaf[name] = leaf.GetValueOrDefault(name) + 1;
    var module = stack.CodeAddress.ModuleName ?? "?";
    byNamespace[module] = byNamespace.GetValueOrDefault(module) + 1;
    for (var s = stack; s is not null; s = s.Caller)
    {
        var m = s.CodeAddress.FullMethodName;
        if (m is not null && m.StartsWith("Tradewire.", StringComparison.Ordinal))
        {
            ours[m] = ours.GetValueOrDefault(m) + 1;
            break;
        }
    }
}
Console.WriteLine($"{Path.GetFileName(path)}: {all} samples, {managed} in managed code ({100.0 * managed / Math.Max(all, 1):F1}%)");
void Print(string title, Dictionary<string, int> d)
{
    Console.WriteLine($"\n{title}");
    foreach (var (k, v) in d.OrderByDescending(kv => kv.Value).Take(top))
        Console.WriteLine($"{100.0 * v / Math.Max(managed, 1),6:F1}%  {(k.Length > 150 ? k[..150] : k)}");
}
Print("by module (leaf frame)", byNamespace);
Print("by leaf method", leaf);
Print("by nearest Tradewire frame", ours);
return 0;
