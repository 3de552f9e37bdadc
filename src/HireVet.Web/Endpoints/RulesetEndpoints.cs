using HireVet.Application.Rulesets;
using HireVet.Web.Security;
using MediatR;

namespace HireVet.Web.Endpoints;

public static class RulesetEndpoints
{
    public static void MapRulesets(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/rulesets").WithTags("Rulesets");

        group.MapGet("", (IMediator mediator, CancellationToken ct) => mediator.Send(new ListRulesets.Query(), ct))
            .RequireAuthorization(Policies.AdminsAndAuditors)
            .WithSummary("Every ruleset version: content, hash, status (draft, active, retired), who created and activated it.");

        group.MapGet("/{version}", (string version, IMediator mediator, CancellationToken ct) => mediator.Send(new GetRuleset.Query(version), ct))
            .RequireAuthorization(Policies.AdminsAndAuditors)
            .WithSummary("One ruleset version: content, hash, status, who created and activated it.");

        group.MapPost("", async (HttpRequest request, IMediator mediator, CancellationToken ct) =>
        {
            using var reader = new StreamReader(request.Body);
            var created = await mediator.Send(new SubmitRuleset.Command(await reader.ReadToEndAsync(ct)), ct);
            return Results.Created($"/api/rulesets/{Uri.EscapeDataString(created.Version)}", created);
        })
        .RequireAuthorization(Policies.Admin)
        .Accepts<object>("application/json")
        .WithSummary("Upload a ruleset version (the ruleset JSON as the body) as a draft; unfair or malformed rules are refused.");

        group.MapPost("/{version}/shadow-run", (string version, IMediator mediator, CancellationToken ct, int? limit) =>
                mediator.Send(new ShadowRunRuleset.Query(version, limit ?? 100_000), ct))
            .RequireAuthorization(Policies.Admin)
            .WithSummary("How every candidate's band would change under this version (stored signals re-weighed; nothing written).");

        group.MapPost("/{version}/activate", async (string version, IMediator mediator, CancellationToken ct) =>
        {
            await mediator.Send(new ActivateRuleset.Command(version), ct);
            return Results.NoContent();
        })
        .RequireAuthorization(Policies.Admin)
        .WithSummary("Make this version the active ruleset; the previous one is retired.");
    }
}
