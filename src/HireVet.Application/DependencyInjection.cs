using System.Text.Json;
using FluentValidation;
using FluentValidation.Internal;
using HireVet.Application.Common.Auditing;
using HireVet.Application.Common.Behaviours;
using HireVet.Application.Common.Data;
using HireVet.Application.Vetting;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace HireVet.Application;

public static class DependencyInjection
{
    /// <summary>MediatR 5.1.0 and FluentValidation registered by hand (their DI packages are not on our package source).</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddScoped<ServiceFactory>(sp => sp.GetService!);
        services.AddScoped<IMediator, Mediator>();

        var assembly = typeof(DependencyInjection).Assembly;
        foreach (var type in assembly.GetTypes().Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false }))
        foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType))
        {
            var definition = contract.GetGenericTypeDefinition();
            if (definition == typeof(IRequestHandler<,>) || definition == typeof(INotificationHandler<>))
                services.AddTransient(contract, type);
        }
        foreach (var result in AssemblyScanner.FindValidatorsInAssembly(assembly))
            services.AddSingleton(result.InterfaceType, result.ValidatorType); // stateless; building the rules is the costly part

        // The first registered behaviour is the outermost.
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(TracingBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(TransactionBehaviour<,>));

        services.AddScoped<Candidates.DossierStore>();
        services.AddScoped<Candidates.BulkImport>();
        services.AddSingleton<Ingestion.UploadIngestion>();
        services.AddSingleton(Checks.PostHire.PostHireSettings.Default); // the host replaces it with the configured one
        services.AddScoped<Vetting.VettingInputs>();
        services.AddScoped<Vetting.AssessmentWriter>();
        services.AddScoped<Vetting.CandidateVetting>();
        services.AddScoped<Rescreening.RescreenBatchQueue>();
        services.AddScoped<Connectors.ConnectorStore>();
        services.AddSingleton<Connectors.PullSignIns>();
        services.AddSingleton<Connectors.SyncAtsRecord>();
        services.AddScoped<AuditScope>();
        services.AddScoped<AfterCommitQueue>();
        services.AddScoped<IAfterCommit>(sp => sp.GetRequiredService<AfterCommitQueue>());
        services.AddSingleton(TimeProvider.System);

        UseJsonNamesInValidationErrors();
        return services;
    }

    /// <summary>Validation errors name fields as the JSON does: "identityDocument.issuingCountry", "references[0].email".</summary>
    private static void UseJsonNamesInValidationErrors()
    {
        ValidatorOptions.Global.DefaultRuleLevelCascadeMode = CascadeMode.Stop;
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) => member is null ? null : JsonNamingPolicy.CamelCase.ConvertName(member.Name);
        ValidatorOptions.Global.PropertyNameResolver = (_, member, expression) =>
        {
            var chain = expression is null ? null : PropertyChain.FromExpression(expression).ToString();
            var name = string.IsNullOrEmpty(chain) ? member?.Name : chain;
            return name is null ? null : string.Join('.', name.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));
        };
    }
}
