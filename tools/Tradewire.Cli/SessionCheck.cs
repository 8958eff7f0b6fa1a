namespace Tradewire.Cli;

/// <summary>One of the operator's expectations after a session, with what was observed.</summary>
public sealed record SessionCheck(string Name, string Expected, string Observed, bool Passed);
