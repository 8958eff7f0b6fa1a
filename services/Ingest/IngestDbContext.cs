using Microsoft.EntityFrameworkCore;
using Tradewire.ServiceDefaults.Database;

namespace Tradewire.Ingest;

/// <summary>The ingest service's own database. Schema: SQL files in Migrations/, applied at start-up.</summary>
public sealed class IngestDbContext(DbContextOptions<IngestDbContext> options) : ServiceDbContext(options);
