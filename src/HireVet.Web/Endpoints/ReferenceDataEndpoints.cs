using HireVet.Application.ReferenceData;
using HireVet.Web.Security;
using MediatR;

namespace HireVet.Web.Endpoints;

public static class ReferenceDataEndpoints
{
    public static void MapReferenceData(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/reference-data").WithTags("Reference data");

        group.MapGet("", (IMediator mediator, CancellationToken ct) => mediator.Send(new ListReferenceData.Query(), ct))
            .RequireAuthorization(Policies.AnyRole)
            .WithSummary("Every reference dataset: as-of date, rows, licence and attribution, load status.");

        group.MapPost("/reload", (IMediator mediator, CancellationToken ct) => mediator.Send(new ReloadReferenceData.Command(), ct))
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Reload every dataset without a restart (unchanged files are reused).");
    }
}
