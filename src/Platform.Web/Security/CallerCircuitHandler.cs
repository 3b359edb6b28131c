using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Platform.Core.Security;

namespace Platform.Web.Security;

/// <summary>
/// Sets <see cref="CurrentCaller"/> for every event a dashboard circuit handles, so a button that submits or cancels
/// goes through the same role checks as the API, whichever page it is on.
/// </summary>
internal sealed class CallerCircuitHandler(AuthenticationStateProvider authentication) : CircuitHandler
{
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            var state = await authentication.GetAuthenticationStateAsync();
            CurrentCaller.Value = state.User.ToCaller() ?? CallerContextMiddleware.Anonymous;
            await next(context);
        };
}
