using System.Reflection;

namespace HireVet.UnitTests.Architecture;

/// <summary>
/// The arrows between the top-level folders (namespaces) of an assembly, each with one pair of types that draws it,
/// and the loops among them (strongly connected components of more than one folder).
/// </summary>
public sealed class FolderGraph
{
    readonly Dictionary<(string From, string To), string> _arrows = new();

    public static FolderGraph Of(Assembly assembly, string rootNamespace)
    {
        var graph = new FolderGraph();
        foreach (var (from, to) in TypeDependencies.Of(assembly))
        {
            var source = FolderOf(from, rootNamespace);
            var target = FolderOf(to, rootNamespace);
            if (source is null || target is null || source == target) continue;
            graph._arrows.TryAdd((source, target), $"{from.FullName} uses {to.FullName}");
        }
        return graph;
    }

    /// <summary>The first namespace segment below the root, or null for types outside it or in the root itself (the wiring).</summary>
    public static string? FolderOf(Type type, string rootNamespace)
    {
        var ns = type.Namespace ?? "";
        if (!ns.StartsWith(rootNamespace + ".", StringComparison.Ordinal)) return null;
        return ns[(rootNamespace.Length + 1)..].Split('.')[0];
    }

    public IReadOnlyDictionary<(string From, string To), string> Arrows => _arrows;

    public IReadOnlyList<IReadOnlyList<string>> Loops()
    {
        var folders = _arrows.Keys.SelectMany(a => new[] { a.From, a.To }).Distinct().Order().ToList();
        var next = folders.ToDictionary(f => f, f => _arrows.Keys.Where(a => a.From == f).Select(a => a.To).Order().ToList());
        // Tarjan's strongly connected components.
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var loops = new List<IReadOnlyList<string>>();
        void Visit(string folder)
        {
            index[folder] = low[folder] = index.Count;
            stack.Push(folder);
            onStack.Add(folder);
            foreach (var target in next[folder])
            {
                if (!index.ContainsKey(target)) { Visit(target); low[folder] = Math.Min(low[folder], low[target]); }
                else if (onStack.Contains(target)) low[folder] = Math.Min(low[folder], index[target]);
            }
            if (low[folder] != index[folder]) return;
            var component = new List<string>();
            string member;
            do { member = stack.Pop(); onStack.Remove(member); component.Add(member); } while (member != folder);
            if (component.Count > 1) loops.Add(component.Order().ToList());
        }
        foreach (var folder in folders) if (!index.ContainsKey(folder)) Visit(folder);
        return loops;
    }

    /// <summary>Every arrow inside a loop, with the types that draw it: what to cut.</summary>
    public string Describe(IReadOnlyList<string> loop) => string.Join("\n", _arrows
        .Where(a => loop.Contains(a.Key.From) && loop.Contains(a.Key.To))
        .OrderBy(a => a.Key.From).ThenBy(a => a.Key.To)
        .Select(a => $"  {a.Key.From} -> {a.Key.To}: {a.Value}"));
}
