using Tradewire.Signal;
using Tradewire.Signal.Consumers;
using Tradewire.ServiceDefaults;
using Tradewire.ServiceDefaults.Database;
using Tradewire.ServiceDefaults.Messaging;
using Tradewire.ServiceDefaults.Sequencing;

var builder = ServiceDefaultsExtensions.CreateServiceBuilder(args);
builder.AddServiceDefaults("signal");
builder.AddServiceDatabase<SignalDbContext>();
builder.AddSignal();
builder.AddServiceBus<SignalDbContext>(x => x.AddConsumer<SignalInputsConsumer>(typeof(MinuteBatchDefinition<SignalInputsConsumer>)));

var app = builder.Build();
app.MapDefaultEndpoints();
await app.RunServiceAsync(args);
