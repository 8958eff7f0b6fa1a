using System.Runtime.CompilerServices;

// The wire parser's strictness is tested message by message, which the public feed cannot reach alone.
[assembly: InternalsVisibleTo("Tradewire.FakeVenue.Tests")]
