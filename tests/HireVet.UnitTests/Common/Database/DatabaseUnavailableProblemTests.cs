using HireVet.Web.Errors;
using Npgsql;

namespace HireVet.UnitTests.Common.Database;

public sealed class DatabaseUnavailableProblemTests
{
    [Fact]
    public void No_connection_within_the_pools_timeout_is_a_503_without_the_drivers_message()
    {
        var exhausted = new NpgsqlException("The connection pool has been exhausted, either raise 'Max Pool Size' (currently 16) or 'Timeout' (currently 15 seconds)",
            new TimeoutException());

        var problem = ProblemDetailsMapper.Map(exhausted);

        Assert.Equal(503, problem.Status);
        Assert.Null(problem.Detail);
        Assert.DoesNotContain("Pool", problem.Title, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_driver_error_that_is_not_transient_stays_a_500()
    {
        var problem = ProblemDetailsMapper.Map(new NpgsqlException("protocol violation"));

        Assert.Equal(500, problem.Status);
    }
}
