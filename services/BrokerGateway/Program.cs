using Tradewire.BrokerGateway;
using Tradewire.BrokerGateway.Http;
using Tradewire.ServiceDefaults;
using Tradewire.ServiceDefaults.Database;
using Tradewire.ServiceDefaults.Messaging;

var builder = ServiceDefaultsExtensions.CreateServiceBuilder(args);
builder.AddServiceDefaults("broker-gateway");
builder.AddServiceDatabase<BrokerGatewayDbContext>();
builder.AddBrokerGateway();
builder.AddServiceBus<BrokerGatewayDbContext>(x => x.AddBrokerGatewayConsumers());

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapBrokerGatewayEndpoints();
await app.RunServiceAsync(args);
