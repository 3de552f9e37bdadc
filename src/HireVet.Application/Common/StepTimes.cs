using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace HireVet.Application.Common;

/// <summary>How long each step of a batch took, for one Debug log line ("lock 1.2 ms, shared 3.4 ms, ..."): where a
/// slow batch spends its time, read off the log of a running node.</summary>
public sealed class StepTimes
{
    private readonly StringBuilder _steps = new();
    private long _last = Stopwatch.GetTimestamp();

    public void Step(string name)
    {
        var now = Stopwatch.GetTimestamp();
        if (_steps.Length > 0) _steps.Append(", ");
        _steps.Append(name).Append(' ').Append(Stopwatch.GetElapsedTime(_last, now).TotalMilliseconds.ToString("F1", CultureInfo.InvariantCulture)).Append(" ms");
        _last = now;
    }

    public override string ToString() => _steps.ToString();
}
