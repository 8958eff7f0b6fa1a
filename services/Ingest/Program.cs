using Tradewire.Ingest;
using Tradewire.Ingest.Live;
using Tradewire.Ingest.News;
using Tradewire.Ingest.Replay;
using Tradewire.ServiceDefaults;
using Tradewire.ServiceDefaults.Database;
using Tradewire.ServiceDefaults.Diagnostics;
using Tradewire.ServiceDefaults.Messaging;

var builder = ServiceDefaultsExtensions.CreateServiceBuilder(args);
builder.AddServiceDefaults("ingest");
builder.AddServiceDatabase<IngestDbContext>();
builder.AddServiceBus<IngestDbContext>();
builder.AddReplay();
builder.AddLiveSession();
builder.AddNewsFeeds();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapPipelineProbe<IngestDbContext>();
app.MapReplay();
app.MapFeedStatus();
await app.RunServiceAsync(args);
