using Microsoft.EntityFrameworkCore;
using Tradewire.ServiceDefaults.Database;

namespace Tradewire.BrokerGateway;

/// <summary>The broker-gateway service's own database. Schema: SQL files in Migrations/, applied at start-up.</summary>
public sealed class BrokerGatewayDbContext(DbContextOptions<BrokerGatewayDbContext> options) : ServiceDbContext(options);
