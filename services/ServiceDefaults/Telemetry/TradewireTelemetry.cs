using MassTransit.Logging;
using MassTransit.Monitoring;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Tradewire.ServiceDefaults.Telemetry;

/// <summary>
/// Traces and metrics for every service. MassTransit carries the W3C trace context in message headers,
/// so one trace follows a bar or news item through every service; export over OTLP (to Jaeger) is on
/// when the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, and off otherwise; to files with
/// <c>Telemetry:SpanDirectory</c>.
/// </summary>
public static class TradewireTelemetry
{
    /// <summary>Activity source and meter name for Tradewire's own spans and instruments.</summary>
    public const string ActivitySourceName = "Tradewire";

    public static IHostApplicationBuilder AddTradewireTelemetry(this IHostApplicationBuilder builder, string serviceName)
    {
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName, serviceNamespace: "tradewire"))
            .WithTracing(t => t
                .AddSource(DiagnosticHeaders.DefaultListenerName)
                .AddSource(ActivitySourceName)
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddSpanFiles(builder.Configuration["Telemetry:SpanDirectory"], serviceName))
            .WithMetrics(m => m
                .AddMeter(InstrumentationOptions.MeterName)
                .AddMeter(ActivitySourceName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            otel.UseOtlpExporter();
        return builder;
    }

    /// <summary><c>Telemetry:SpanDirectory</c> set: every span also goes to a JSON-lines file there (<see cref="SpanFileExporter"/>).</summary>
    static TracerProviderBuilder AddSpanFiles(this TracerProviderBuilder tracing, string? directory, string serviceName) =>
        string.IsNullOrWhiteSpace(directory) ? tracing
            : tracing.AddProcessor(new BatchActivityExportProcessor(new SpanFileExporter(directory, serviceName)));
}
