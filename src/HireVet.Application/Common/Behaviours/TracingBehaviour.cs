using System.Diagnostics;
using MediatR;

namespace HireVet.Application.Common.Behaviours;

/// <summary>The outermost behaviour: one span per request, named after it ("SubmitCandidate.Command"), around
/// validation, the handler and the commit; error status when it throws.</summary>
public sealed class TracingBehaviour<TRequest, TResponse> : IPipelineBehavior<TRequest, TResponse>
{
    // A nested Command's own name says nothing: the feature's name goes first.
    private static readonly string SpanName = typeof(TRequest).DeclaringType is { } feature ? $"{feature.Name}.{typeof(TRequest).Name}" : typeof(TRequest).Name;

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        using var activity = HireVetTelemetry.Source.StartActivity(SpanName);
        if (activity is null) return await next();
        activity.SetTag("hirevet.request", typeof(TRequest).FullName);
        try
        {
            return await next();
        }
        catch (Exception e)
        {
            activity.Failed(e);
            throw;
        }
    }
}
