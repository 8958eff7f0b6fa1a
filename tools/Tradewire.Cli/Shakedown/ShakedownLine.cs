namespace Tradewire.Cli.Shakedown;

/// <summary>
/// One line of the shakedown: the observed value beside the plan's expectation. A required line is a PASS/FAIL
/// (the plan says "always", "never" or asks a yes/no question); the others are the plan's descriptive ranges,
/// which depend on the market and are shown as "in range" or "OUTSIDE" without failing the run.
/// </summary>
public sealed record ShakedownLine(string Name, string Expected, string Observed, bool Ok, bool Required)
{
    public string Mark => Required ? (Ok ? "PASS" : "FAIL") : (Ok ? "ok  " : "NOTE");
    public bool Fails => Required && !Ok;
}
