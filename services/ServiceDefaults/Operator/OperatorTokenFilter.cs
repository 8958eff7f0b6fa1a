using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Tradewire.ServiceDefaults.Operator;

/// <summary>
/// Control endpoints need <c>Authorization: Bearer &lt;token&gt;</c> matching <c>Operator:Token</c>
/// (environment variable <c>Operator__Token</c>). Without a configured token every control call is refused:
/// a missing secret must never mean "open".
/// </summary>
public static class OperatorTokenFilter
{
    public static TBuilder RequireOperatorToken<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var expected = context.HttpContext.RequestServices.GetRequiredService<IConfiguration>()["Operator:Token"];
            if (string.IsNullOrEmpty(expected))
                return Results.Problem("No operator token is configured (Operator__Token); control endpoints are disabled.", statusCode: 503);
            var header = context.HttpContext.Request.Headers.Authorization.ToString();
            var given = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : "";
            if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected)))
                return Results.Problem("Missing or wrong operator token.", statusCode: 401);
            return await next(context);
        });
}
