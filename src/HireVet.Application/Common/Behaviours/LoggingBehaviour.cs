using System.Diagnostics;
using MediatR;
using Microsoft.Extensions.Logging;

namespace HireVet.Application.Common.Behaviours;

public sealed class LoggingBehaviour<TRequest, TResponse>(ILogger<LoggingBehaviour<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await next();
        }
        finally
        {
            logger.LogDebug("{Request} took {Ms:F1} ms", typeof(TRequest).FullName, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }
}
