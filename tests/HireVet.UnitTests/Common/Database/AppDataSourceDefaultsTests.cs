using HireVet.Infrastructure.Database;
using Npgsql;

namespace HireVet.UnitTests.Common.Database;

public sealed class AppDataSourceDefaultsTests
{
    private static NpgsqlConnectionStringBuilder Defaults(string connectionString) =>
        new(AppDataSource.WithDefaults(connectionString));

    [Fact]
    public void A_connection_string_without_pool_or_prepare_settings_gets_the_apps_defaults()
    {
        var built = Defaults("Host=db;Database=hirevet;Username=hirevet_app");

        Assert.Equal(AppDataSource.DefaultMaxPoolSize, built.MaxPoolSize);
        Assert.Equal(64, built.MaxAutoPrepare);
        Assert.Equal(2, built.AutoPrepareMinUsages);
        Assert.Equal("db", built.Host);
    }

    [Theory]
    [InlineData("Host=db;Maximum Pool Size=40", 40)]
    [InlineData("Host=db;MaxPoolSize=40", 40)]
    [InlineData("Host=db;maximum pool size=100", 100)]
    public void A_pool_size_the_operator_set_wins(string connectionString, int expected) =>
        Assert.Equal(expected, Defaults(connectionString).MaxPoolSize);

    [Fact]
    public void A_minimum_pool_size_alone_leaves_the_maximum_at_the_default()
    {
        var built = Defaults("Host=db;Minimum Pool Size=4");

        Assert.Equal(4, built.MinPoolSize);
        Assert.Equal(AppDataSource.DefaultMaxPoolSize, built.MaxPoolSize);
    }

    [Fact]
    public void Prepared_statement_settings_the_operator_set_win()
    {
        var built = Defaults("Host=db;Max Auto Prepare=0");

        Assert.Equal(0, built.MaxAutoPrepare);
        Assert.Equal(AppDataSource.DefaultMaxPoolSize, built.MaxPoolSize);
    }
}
