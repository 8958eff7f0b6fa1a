using Microsoft.EntityFrameworkCore;
using Tradewire.ServiceDefaults.Database;

namespace Tradewire.Features;

/// <summary>The features service's own database. Schema: SQL files in Migrations/, applied at start-up.</summary>
public sealed class FeaturesDbContext(DbContextOptions<FeaturesDbContext> options) : ServiceDbContext(options);
