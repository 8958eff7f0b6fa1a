using Tradewire.BrokerGateway;
using Tradewire.ServiceDefaults;
using Tradewire.ServiceDefaults.Database;
using Tradewire.ServiceDefaults.Messaging;

var builder = ServiceDefaultsExtensions.CreateServiceBuilder(args);
builder.AddServiceDefaults("broker-gateway");
builder.AddServiceDatabase<BrokerGatewayDbContext>();
builder.AddServiceBus<BrokerGatewayDbContext>();

var app = builder.Build();
app.MapDefaultEndpoints();
await app.RunServiceAsync(args);
