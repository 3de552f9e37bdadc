using System.Diagnostics;

namespace HireVet.Web.Reports;

/// <summary>Prints an HTML document to PDF with headless Chromium (<c>Reports:ChromiumPath</c>, default
/// /usr/bin/chromium) when it is installed: the document is written to a temporary directory of its own, Chromium is
/// started directly (an argument list, no shell) with a throw-away profile there, given <c>Reports:PdfTimeoutSeconds</c>
/// (default 60) and killed past it, and the directory is deleted afterwards. The document must be self-contained (its
/// styles inline): Chromium reads it from the file and nothing else.</summary>
public sealed class ReportPdf(IConfiguration configuration, ILogger<ReportPdf> logger)
{
    private readonly string _chromium = configuration["Reports:ChromiumPath"] ?? "/usr/bin/chromium";
    private readonly TimeSpan _timeout = TimeSpan.FromSeconds(configuration.GetValue("Reports:PdfTimeoutSeconds", 60));

    // Two cores are shared by everything on the machine: one Chromium at a time.
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public bool Available => File.Exists(_chromium);

    /// <summary>The PDF's bytes, or null when Chromium is missing, failed or ran out of time (logged).</summary>
    public async Task<byte[]?> RenderAsync(string html, CancellationToken ct)
    {
        if (!Available) return null;
        await OneAtATime.WaitAsync(ct);
        var dir = Directory.CreateTempSubdirectory("hirevet-report-");
        try
        {
            var page = Path.Combine(dir.FullName, "report.html");
            var pdf = Path.Combine(dir.FullName, "report.pdf");
            await File.WriteAllTextAsync(page, html, ct);
            var start = new ProcessStartInfo(_chromium)
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
                WorkingDirectory = dir.FullName,
            };
            foreach (var arg in new[]
                     {
                         "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                         "--disable-background-networking", "--disable-component-update", "--disable-sync",
                         $"--user-data-dir={Path.Combine(dir.FullName, "profile")}", "--no-pdf-header-footer",
                         $"--print-to-pdf={pdf}", new Uri(page).AbsoluteUri,
                     })
                start.ArgumentList.Add(arg);

            using var process = Process.Start(start) ?? throw new InvalidOperationException("Chromium did not start.");
            var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            var errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(_timeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                if (ct.IsCancellationRequested) throw;
                logger.LogError("Chromium did not print the report within {Seconds} s", _timeout.TotalSeconds);
                return null;
            }
            await Task.WhenAll(output, errors);
            if (process.ExitCode != 0 || !File.Exists(pdf))
            {
                logger.LogError("Chromium failed to print the report (exit {Code}): {Errors}", process.ExitCode, Tail(await errors));
                return null;
            }
            return await File.ReadAllBytesAsync(pdf, ct);
        }
        finally
        {
            OneAtATime.Release();
            try { dir.Delete(recursive: true); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                logger.LogWarning(e, "Could not delete {Dir}", dir.FullName);
            }
        }
    }

    private static string Tail(string text) => text.Length <= 2000 ? text : text[^2000..];
}
