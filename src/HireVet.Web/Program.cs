using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using HireVet.Application;
using HireVet.Application.Access;
using HireVet.Application.Common.Security;
using HireVet.Application.Rulesets;
using HireVet.Infrastructure;
using HireVet.Infrastructure.Database;
using HireVet.Infrastructure.Security;
using HireVet.Web.Cli;
using HireVet.Web.Demo;
using HireVet.Web.Endpoints;
using HireVet.Web.Errors;
using HireVet.Web.Pages.Account;
using HireVet.Web.Security;
using HireVet.Web.Telemetry;
using MediatR;
using Microsoft.AspNetCore.OpenApi;

// Migrations run as the owner in a process of their own, before any application is built.
if (args is ["admin", "migrate", ..]) return await MigrateCommand.RunAsync(args[2..]);

var cli = args.Length > 0 && args[0] == "admin";
// These need neither the database nor the configured keys: they make the key files a configuration will then name.
if (cli && args.ElementAtOrDefault(1) == AdminCli.CreateKeyEncryptionKey) return AdminCli.CreateKeyEncryptionKeyFile(args.Skip(2).ToArray());
if (cli && args.ElementAtOrDefault(1) == "create-signing-key") return AdminCli.CreateSigningKey(args.Skip(2).ToArray());
var demo = args.Contains("--demo");
var builder = WebApplication.CreateBuilder(args.Where(a => a != "--demo").Skip(cli ? 1 : 0).ToArray());

if (Environment.GetEnvironmentVariable("HIREVET_DATABASE_URL") is { Length: > 0 } databaseUrl)
    builder.Configuration["ConnectionStrings:HireVet"] = databaseUrl;
if (cli)
{
    builder.Configuration["Jobs:Enabled"] = "false";
    // A command's standard output is its answer (an API key, a walk's verdict) for scripts to read: logs go to stderr.
    builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
}

builder.Services.AddApplication().AddInfrastructure(builder.Configuration);
builder.Services.AddHireVetTelemetry(builder.Configuration); // only when OTEL_EXPORTER_OTLP_ENDPOINT is set
builder.Services.AddSingleton(HireVet.Application.Notices.NoticeOptions.From(builder.Configuration)); // checked at start-up
builder.Services.AddSingleton(HireVet.Application.Common.Auditing.AuditSigning.From(builder.Configuration)); // checked at start-up
builder.Services.AddSingleton(HireVet.Application.Checks.PostHire.PostHireSettings.From(builder.Configuration)); // checked at start-up
builder.Services.AddSingleton(SignInPolicy.From(builder.Configuration)); // checked at start-up
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<CurrentActor>();
builder.Services.AddScoped<ICurrentActor>(sp => sp.GetRequiredService<CurrentActor>());
builder.Services.AddSingleton<HireVet.Web.Reports.ReportPdf>().AddSingleton<HireVet.Web.Reports.ViewRenderer>(); // audit reports (PDF)
builder.Services.AddHireVetAuthentication();
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ProblemDetailsMapper>();
builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
    o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
});
// Binding failures (malformed JSON, wrong types, oversized bodies) reach ProblemDetailsMapper in every environment.
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.AddOpenApi(o =>
{
    // Features nest Command/Query/Response/Item in a static class named after the feature: SubmitCandidateCommand.
    o.CreateSchemaReferenceId = type =>
        type.Type.DeclaringType is { Namespace: not null } feature && feature.Namespace.StartsWith("HireVet.Application", StringComparison.Ordinal)
            ? feature.Name + type.Type.Name
            : OpenApiOptions.CreateDefaultSchemaReferenceId(type);
    o.AddSchemaTransformer(DossierSchemas.Describe);
});
builder.Services.AddRateLimiter(o =>
{
    // Slows password guessing: 20 sign-in requests a minute per client address.
    o.AddPolicy(LoginModel.RateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
        _ => new FixedWindowRateLimiterOptions { PermitLimit = 20, Window = TimeSpan.FromMinutes(1) }));
    o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
});
builder.Services.AddRazorPages(o =>
{
    o.Conventions.AuthorizeFolder("/", Policies.AnyRole);
    o.Conventions.AllowAnonymousToFolder("/Account");
    o.Conventions.AuthorizeFolder("/Candidates", Policies.CandidateReaders);
    o.Conventions.AuthorizePage("/Candidates/New", Policies.Hr);
    o.Conventions.AuthorizeFolder("/Reviews", Policies.Security);
    o.Conventions.AuthorizeFolder("/Audit", Policies.Auditor);
    o.Conventions.AuthorizeFolder("/Admin", Policies.Admin);
    o.Conventions.AuthorizeFolder("/Notices", Policies.CandidateReaders);
    o.Conventions.AuthorizePage("/Notices/Letter", Policies.EvidenceReaders);
});
const long maxRequestBody = 1_048_576;
builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = maxRequestBody);

var app = builder.Build();

await ApplicationLoginCheck.EnsureAsync(app.Services.GetRequiredService<AppDataSource>().Value);
if (cli) return await AdminCli.RunAsync(app.Services, args.Skip(1).ToArray());

await app.Services.GetRequiredService<KeyRingWrapping>().PrepareAsync();
if (app.Configuration.GetValue("Database:SeedOnStartup", true))
{
    await using var scope = app.Services.CreateAsyncScope();
    await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new SeedRuleset.Command());
}

app.UseExceptionHandler("/error/500");
// Scripts come only from HireVet's own files (wwwroot/js, wwwroot/lib): no inline script, no CDN. Pages hand data to
// scripts in <script type="application/json"> blocks, which are data, not code.
app.Use((context, next) =>
{
    context.Response.Headers.ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
    context.Response.Headers.XContentTypeOptions = "nosniff";
    return next(context);
});
// Kestrel enforces the limit while streaming; this answers declared oversize bodies before any reading, on any server.
// The bulk import and the integrations' uploads alone stream large bodies.
app.Use((context, next) =>
{
    var bulk = context.Request.Path.Equals(BulkImportEndpoint.Path, StringComparison.OrdinalIgnoreCase) || IntegrationEndpoints.IsUpload(context);
    if (bulk) BulkImportEndpoint.AllowLargeBody(context);
    return context.Request.ContentLength > (bulk ? BulkImportEndpoint.MaxBody : maxRequestBody)
        ? throw new BadHttpRequestException("The request body is too large.", StatusCodes.Status413PayloadTooLarge)
        : next(context);
});
app.UseWhen(ProblemDetailsMapper.IsApiRequest, api => api.UseStatusCodePages());
app.UseWhen(context => !ProblemDetailsMapper.IsApiRequest(context), ui => ui.UseStatusCodePagesWithReExecute("/error/{0}"));
app.UseStaticFiles();
app.UseRouting(); // after the error middlewares, so that their re-executed requests are routed to the error page
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();

app.MapGet("/health", () => Results.Ok(new { status = "ok" })).AllowAnonymous().ExcludeFromDescription();
app.MapOpenApi().RequireAuthorization(Policies.AnyRole);
app.MapCandidates();
app.MapBulkImport();
app.MapIntegrations();
app.MapWorkers();
app.MapWebhooks();
app.MapConnectors();
app.MapRescreening();
app.MapJobs();
app.MapReviews();
app.MapNotices();
app.MapAudit();
app.MapAdmin();
app.MapReferenceData();
app.MapRulesets();
app.MapDashboard();
app.MapJobsDashboard();
app.MapRazorPages();

if (demo) await DemoSeeder.SeedAsync(app.Services);
app.Lifetime.ApplicationStarted.Register(() => _ = PrintSignInHelp(app, demo));
await app.RunAsync();
return 0;

static async Task PrintSignInHelp(WebApplication app, bool demo)
{
    await using var scope = app.Services.CreateAsyncScope();
    var users = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CountUsers.Query());
    var url = app.Urls.FirstOrDefault() ?? "http://127.0.0.1:5080";
    Console.WriteLine();
    Console.WriteLine($"HireVet is running at {url}");
    if (demo) Console.WriteLine(DemoSeeder.SignInHelp);
    else if (users == 0)
        Console.WriteLine("No users yet. Create one: ./hirevet admin create-user --username alice --role admin --password-stdin");
    else Console.WriteLine($"Sign in at {url}/account/login with one of the {users} existing users.");
}
