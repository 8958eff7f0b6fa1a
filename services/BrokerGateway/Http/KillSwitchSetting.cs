namespace Tradewire.BrokerGateway.Http;

/// <summary>
/// The operator's <c>KILL_SWITCH=1</c> setting, which presses the <see cref="KillSwitch"/> without an HTTP call.
/// Read afresh on every question, so a running gateway sees it change: engaged when the configuration says
/// <c>KILL_SWITCH=1</c> (any reloadable source: appsettings.json, a mounted ConfigMap, a test's in-memory value)
/// or when the file named by <c>KillSwitch:File</c> holds <c>1</c>. A process's environment cannot be changed from
/// outside, so the file is how an operator flips it at runtime: <c>echo 1 &gt; $KillSwitch__File</c> stops new
/// orders, <c>rm</c> (or <c>echo 0</c>) releases it.
/// </summary>
public sealed class KillSwitchSetting(IConfiguration configuration)
{
    public bool Engaged => configuration["KILL_SWITCH"]?.Trim() == "1" || FileSaysOne();

    /// <summary>Where it was seen: <c>env:KILL_SWITCH</c> or <c>file:PATH</c> (the actor of the flatten it causes).</summary>
    public string Source => configuration["KILL_SWITCH"]?.Trim() == "1" ? "env:KILL_SWITCH" : "file:" + configuration["KillSwitch:File"];

    bool FileSaysOne()
    {
        var path = configuration["KillSwitch:File"];
        if (string.IsNullOrWhiteSpace(path))
            return false;
        try
        {
            return File.Exists(path) && File.ReadAllText(path).Trim() == "1";
        }
        catch (IOException)
        {
            // Being rewritten right now: the next look, a second later, decides.
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            // A file the operator made but the service may not read is taken as engaged: a kill switch fails closed.
            return true;
        }
    }
}
