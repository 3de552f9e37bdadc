using Hangfire.AspNetCore;
using Hangfire.Logging;
using Microsoft.Extensions.Logging;
using LogLevel = Hangfire.Logging.LogLevel;

namespace HireVet.Infrastructure.Jobs;

/// <summary>Hangfire logs through a process-wide provider, and its classes keep the loggers they got in statics. In a
/// process that hosts several apps one after another (the tests), the loggers of an app already stopped would throw
/// on its disposed logger factory and break the next app's jobs and pages; these stay silent instead.</summary>
public sealed class HostLogProvider(ILoggerFactory loggers) : ILogProvider
{
    private readonly AspNetCoreLogProvider _inner = new(loggers);

    public ILog GetLogger(string name)
    {
        try
        {
            return new Logger(_inner.GetLogger(name));
        }
        catch (ObjectDisposedException)
        {
            return new Logger(null);
        }
    }

    private sealed class Logger(ILog? inner) : ILog
    {
        public bool Log(LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            try
            {
                return inner?.Log(logLevel, messageFunc, exception) ?? false;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }
}
