using System.Reflection;

namespace HireVet.UnitTests.Architecture;

/// <summary>The design's arrows: Web → Application and Infrastructure, Infrastructure → Application, and the folders of
/// Application in layers without a loop (Common at the bottom; reference data; dossiers; checks; vetting; the features
/// on top). A new arrow against them fails here, naming the types that draw it.</summary>
public class ArchitectureTests
{
    static readonly Assembly Application = typeof(HireVet.Application.DependencyInjection).Assembly;
    static readonly Assembly Infrastructure = typeof(HireVet.Infrastructure.DependencyInjection).Assembly;
    static readonly Assembly Web = typeof(Program).Assembly;

    static string[] References(Assembly assembly) => [.. assembly.GetReferencedAssemblies().Select(a => a.Name!)];

    [Fact]
    public void Application_references_neither_Infrastructure_nor_Web_nor_the_database_driver()
    {
        var references = References(Application);
        Assert.DoesNotContain("HireVet.Infrastructure", references);
        Assert.DoesNotContain("HireVet.Web", references);
        Assert.DoesNotContain("Npgsql", references);
    }

    [Fact]
    public void Only_Web_takes_the_OpenTelemetry_packages()
    {
        Assert.DoesNotContain(References(Application), r => r.StartsWith("OpenTelemetry", StringComparison.Ordinal));
        Assert.DoesNotContain(References(Infrastructure), r => r.StartsWith("OpenTelemetry", StringComparison.Ordinal));
        Assert.Contains("OpenTelemetry", References(Web));
    }

    [Fact]
    public void Infrastructure_does_not_reference_Web()
    {
        Assert.DoesNotContain("HireVet.Web", References(Infrastructure));
        Assert.Contains("HireVet.Application", References(Infrastructure));
    }

    [Fact]
    public void Web_references_Application_and_Infrastructure()
    {
        Assert.Contains("HireVet.Application", References(Web));
        Assert.Contains("HireVet.Infrastructure", References(Web));
    }

    [Fact]
    public void Application_folders_depend_on_each_other_without_a_loop()
    {
        var graph = FolderGraph.Of(Application, "HireVet.Application");
        var loops = graph.Loops();
        Assert.True(loops.Count == 0, "Application folders in a loop:\n" +
            string.Join("\n", loops.Select(loop => string.Join(" <-> ", loop) + "\n" + graph.Describe(loop))));
    }

    [Fact]
    public void Common_depends_on_no_other_folder()
    {
        var graph = FolderGraph.Of(Application, "HireVet.Application");
        Assert.Empty(graph.Arrows.Where(a => a.Key.From == "Common").Select(a => a.Value));
    }

    [Fact]
    public void Checks_read_only_dossiers_reference_data_and_common()
    {
        var graph = FolderGraph.Of(Application, "HireVet.Application");
        string[] allowed = ["Common", "Dossiers", "ReferenceData"];
        Assert.Empty(graph.Arrows.Where(a => a.Key.From == "Checks" && !allowed.Contains(a.Key.To)).Select(a => a.Value));
    }

    [Fact]
    public void A_loop_between_folders_is_found_and_named_by_its_types()
    {
        var graph = FolderGraph.Of(typeof(ArchitectureTests).Assembly, "HireVet.UnitTests.Architecture.Samples");
        var loop = Assert.Single(graph.Loops());
        Assert.Equal(["Orders", "Payments"], loop);
        Assert.Contains("Samples.Payments.Refund uses HireVet.UnitTests.Architecture.Samples.Orders.Order", graph.Describe(loop));
        Assert.DoesNotContain("Catalog", loop);
    }
}
