using System.Runtime.InteropServices;

namespace Tradewire.ServiceDefaults.Faults;

/// <summary>
/// Crash points for fault drills and tests, off unless configured (section <c>Faults</c>). A crash is a real
/// SIGKILL of the own process: no finally block, no shutdown hook, exactly what a power cut or an OOM kill does.
/// </summary>
public sealed class FaultInjector(IConfiguration configuration, ILogger<FaultInjector> log)
{
    [DllImport("libc", SetLastError = true, EntryPoint = "kill")]
    static extern int SysKill(int pid, int signal);

    /// <summary>
    /// <c>Faults:CrashAfterConsumeCommit</c> = a message type name: the process dies right after the transaction
    /// that consumed such a message committed, before its outbox messages are delivered.
    /// </summary>
    public void AfterConsumeCommit(Type messageType) => CrashIf("CrashAfterConsumeCommit", messageType.Name);

    void CrashIf(string point, string subject)
    {
        if (!string.Equals(configuration[$"Faults:{point}"], subject, StringComparison.Ordinal))
            return;
        log.LogCritical("Fault injection {Point} for {Subject}: killing own process", point, subject);
        SysKill(Environment.ProcessId, 9);
    }
}
