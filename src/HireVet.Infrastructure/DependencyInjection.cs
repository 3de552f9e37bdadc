using Dapper;
using HireVet.Application.Checks;
using HireVet.Application.Common.Data;
using HireVet.Application.Common.Security;
using HireVet.Application.Connectors;
using HireVet.Application.ReferenceData;
using HireVet.Application.Webhooks;
using HireVet.Infrastructure.Connectors;
using HireVet.Infrastructure.Database;
using HireVet.Infrastructure.Jobs;
using HireVet.Infrastructure.ReferenceData;
using HireVet.Infrastructure.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HireVet.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        var connectionString = ConnectionStrings.FromUrlOrConnectionString(configuration.GetConnectionString("HireVet")
            ?? throw new InvalidOperationException("ConnectionStrings:HireVet (or HIREVET_DATABASE_URL) is not set."));

        services.AddSingleton(new AppDataSource(connectionString));
        services.AddScoped<DbSession>();
        services.AddScoped<IDbSession>(sp => sp.GetRequiredService<DbSession>());
        services.AddScoped<IBulkCopy, NpgsqlBulkCopy>();

        var keyEncryptionKeys = KeyEncryptionKeys.From(configuration); // checked at start-up
        services.AddSingleton(keyEncryptionKeys);
        services.AddSingleton<KeyRingWrapping>();
        services.AddDataProtection().SetApplicationName("HireVet");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
        {
            o.XmlRepository = new PostgresXmlRepository(() => sp.GetRequiredService<AppDataSource>().Value);
            if (keyEncryptionKeys.Configured) o.XmlEncryptor = new KeyRingXmlEncryptor(keyEncryptionKeys);
        }));
        services.AddSingleton<ISensitiveData, SensitiveData>();

        services.AddSingleton(sp => ReferenceDataOptions.From(configuration,
            sp.GetRequiredService<Microsoft.Extensions.Hosting.IHostEnvironment>().ContentRootPath));
        services.AddSingleton<ReferenceDataCatalog>();
        services.AddSingleton<IIndicatorCatalogue>(sp => IndicatorCatalogueFile.Load(sp.GetRequiredService<ReferenceDataOptions>().IndicatorCatalogue));
        services.AddSingleton<ReferenceDataStore>();
        services.AddSingleton<IReferenceData>(sp => sp.GetRequiredService<ReferenceDataStore>());
        services.AddHostedService(sp => sp.GetRequiredService<ReferenceDataStore>());

        services.AddHttpClient(HttpWebhookSender.ClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<IWebhookSender, HttpWebhookSender>();
        services.AddHttpClient(VendorClients.ClientName, c => c.Timeout = TimeSpan.FromSeconds(60));
        services.AddSingleton<IVendorClients, VendorClients>();
        services.AddSingleton(new DeliverAtsNotes.Links(configuration["PublicUrl"] is { Length: > 0 } publicUrl ? publicUrl : null));
        var jobs = JobSettings.From(configuration);
        services.AddHangfireJobs(jobs, connectionString);
        if (jobs.Enabled)
        {
            services.AddHostedService<AuditChainWriter>();
            services.AddHostedService<WebhookDeliveryService>();
        }
        return services;
    }
}
