using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HireVet.Application.Common.Security;
using HireVet.Application.Connectors;
using HireVet.IntegrationTests.Infrastructure;

namespace HireVet.IntegrationTests.Connectors;

/// <summary>Connectors as admins manage them over the API: fields checked by name, secrets encrypted and never shown
/// again (the generated ones once), pause, resume and remove, every change audited without a secret in it.</summary>
[Collection("db")]
public sealed class ConnectorAdministrationTests(DatabaseFixture db) : IAsyncLifetime
{
    public Task InitializeAsync() => db.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_connector_missing_or_misnaming_a_field_is_refused_naming_it()
    {
        var admin = await db.ClientAsync(Roles.Admin);
        var response = await admin.PostAsJsonAsync("/api/admin/connectors", new
        {
            kind = "okta", name = "Okta", settings = new { orgurl = "https://example.okta.com", notes = "maybe" }, secrets = new { },
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("settings.orgUrl", out _));
        Assert.True(errors.TryGetProperty("settings.orgurl", out _));
        Assert.True(errors.TryGetProperty("settings.notes", out _));

        var badUrl = await admin.PostAsJsonAsync("/api/admin/connectors", new
        {
            kind = "entra", name = "Entra", settings = new { tenantId = "t", clientId = "c", graphUrl = "http://graph.example" }, secrets = new { clientSecret = "s" },
        });
        var badUrlErrors = (await badUrl.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["settings.graphUrl"], badUrlErrors.EnumerateObject().Select(p => p.Name));

        var hr = await db.ClientAsync(Roles.Hr);
        Assert.Equal(HttpStatusCode.Forbidden, (await hr.PostAsJsonAsync("/api/admin/connectors", new { kind = "okta" })).StatusCode);
        Assert.Equal(0, await db.QuerySingleAsync<int>("select count(*)::int from connectors"));
    }

    [Fact]
    public async Task Secrets_are_stored_encrypted_generated_ones_shown_once_and_none_listed_or_audited()
    {
        var admin = await db.ClientAsync(Roles.Admin);
        var response = await admin.PostAsJsonAsync("/api/admin/connectors", new
        {
            kind = "greenhouse", name = "Greenhouse EU", settings = new { notes = "on", onBehalfOf = "4080" }, secrets = new { apiKey = "harvest-key-1234567890" },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var added = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = added.GetProperty("id").GetInt64();
        var webhookSecret = added.GetProperty("generatedSecrets").GetProperty("webhookSecret").GetString()!;
        Assert.StartsWith("hv_", webhookSecret);
        Assert.Equal($"/api/connectors/{id}/webhook", added.GetProperty("deliveryPath").GetString());

        var listed = await admin.GetStringAsync("/api/admin/connectors");
        Assert.Contains("Greenhouse EU", listed);
        Assert.DoesNotContain("harvest-key-1234567890", listed);
        Assert.DoesNotContain(webhookSecret, listed);
        var stored = await db.QuerySingleAsync<string>("select secrets_protected from connectors where id = @id", new { id });
        Assert.DoesNotContain("harvest-key", stored);
        var audit = await db.QuerySingleAsync<(string Details, string Actor)>("select details, actor from audit_records where action = 'AddConnector'");
        Assert.Contains("\"secrets\":[\"apiKey\",\"webhookSecret\"]", audit.Details);
        Assert.DoesNotContain("harvest-key", audit.Details);
        Assert.DoesNotContain(webhookSecret, audit.Details);

        var duplicate = await admin.PostAsJsonAsync("/api/admin/connectors", new { kind = "greenhouse", name = "greenhouse eu", secrets = new { apiKey = "k" } });
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
    }

    [Fact]
    public async Task Pausing_resuming_and_removing_are_audited_and_removal_erases_the_secrets()
    {
        var added = await db.SendAsync(new AddConnector.Command
        {
            Kind = "entra", Name = "Entra", Settings = new() { ["tenantId"] = "contoso", ["clientId"] = "app" }, Secrets = new() { ["clientSecret"] = "s3cret" },
        }, "ada", Roles.Admin);
        var admin = await db.ClientAsync(Roles.Admin);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/admin/connectors/{added.Id}/pause", null)).StatusCode);
        Assert.Equal("paused", (await db.SendAsync(new ListConnectors.Query())).Single().Health);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/admin/connectors/{added.Id}/resume", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/admin/connectors/{added.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/admin/connectors/{added.Id}")).StatusCode);

        Assert.Empty(await db.SendAsync(new ListConnectors.Query()));
        Assert.Equal("", await db.QuerySingleAsync<string>("select secrets_protected from connectors where id = @Id", new { added.Id }));
        var changes = await db.QueryAsync<string>("select details::jsonb ->> 'to' from audit_records where action = 'ChangeConnectorStatus' order by id");
        Assert.Equal(["paused", "active", "removed"], changes);
        var auditor = await db.ClientAsync(Roles.Auditor);
        Assert.Contains("\"status\":\"removed\"", await auditor.GetStringAsync("/api/admin/connectors?includeRemoved=true"));
    }
}
