using System.Text.Json;

namespace HireVet.UnitTests.Hosting;

/// <summary>The web app's runtime settings as built (its runtimeconfig.json, copied beside the tests): the thread pool
/// does not spin before its idle workers sleep, a CPU cost the database on the same cores paid for (decision 0059).</summary>
public class WebRuntimeConfigTests
{
    [Fact]
    public void The_web_apps_thread_pool_does_not_spin_before_sleeping()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "HireVet.Web.runtimeconfig.json");
        using var config = JsonDocument.Parse(File.ReadAllText(path));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.Equal(0, properties.GetProperty("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit").GetInt32());
    }
}
