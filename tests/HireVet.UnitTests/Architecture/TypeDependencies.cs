using System.Reflection;
using System.Reflection.Emit;

namespace HireVet.UnitTests.Architecture;

/// <summary>
/// The types a type uses: in its signatures (base type, interfaces, fields, properties, parameters, return types,
/// generic arguments, attributes) and in its method bodies (every type, method or field token in the IL). Reflection
/// alone, because NetArchTest and ArchUnitNET are not on the package source. Nested and compiler-generated types
/// (closures, async state machines) count as their outermost declaring type.
/// </summary>
public static class TypeDependencies
{
    const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance |
                                    BindingFlags.Static | BindingFlags.DeclaredOnly;

    static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(op => op.Value);

    public static IEnumerable<(Type From, Type To)> Of(Assembly assembly) =>
        assembly.GetTypes().SelectMany(type => Of(type).Select(used => (Outermost(type), Outermost(used))));

    public static Type Outermost(Type type)
    {
        while (type.IsNested) type = type.DeclaringType!;
        return type;
    }

    static IEnumerable<Type> Of(Type type)
    {
        var used = new HashSet<Type>();
        void Add(Type? t)
        {
            if (t is null) return;
            if (t.HasElementType) { Add(t.GetElementType()); return; }
            if (t.IsGenericParameter) return;
            if (t.IsGenericType && !t.IsGenericTypeDefinition)
            {
                foreach (var argument in t.GetGenericArguments()) Add(argument);
                t = t.GetGenericTypeDefinition();
            }
            used.Add(t);
        }
        void AddAttributes(IEnumerable<CustomAttributeData> attributes)
        {
            foreach (var attribute in attributes) Add(attribute.AttributeType);
        }

        Add(type.BaseType);
        foreach (var i in type.GetInterfaces()) Add(i);
        AddAttributes(type.CustomAttributes);
        foreach (var field in type.GetFields(Everything)) { Add(field.FieldType); AddAttributes(field.CustomAttributes); }
        foreach (var property in type.GetProperties(Everything)) Add(property.PropertyType);
        foreach (var method in type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything)))
        {
            if (method is MethodInfo m) Add(m.ReturnType);
            foreach (var parameter in method.GetParameters()) Add(parameter.ParameterType);
            AddAttributes(method.CustomAttributes);
            foreach (var t in TypesInBody(method)) Add(t);
        }
        return used;
    }

    static IEnumerable<Type> TypesInBody(MethodBase method)
    {
        var body = method.GetMethodBody();
        if (body is null) yield break;
        foreach (var local in body.LocalVariables) yield return local.LocalType;
        var il = body.GetILAsByteArray() ?? [];
        var typeArguments = method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var at = 0; at < il.Length;)
        {
            short value = il[at] == 0xFE ? (short)(0xFE00 | il[at + 1]) : il[at];
            at += il[at] == 0xFE ? 2 : 1;
            var op = OpCodesByValue[value];
            var operandSize = op.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, at),
                _ => 4,
            };
            if (op.OperandType is OperandType.InlineType or OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineTok)
            {
                var token = BitConverter.ToInt32(il, at);
                MemberInfo? member = null;
                try { member = method.Module.ResolveMember(token, typeArguments, methodArguments); }
                catch (ArgumentException) { }
                switch (member)
                {
                    case Type t: yield return t; break;
                    case MethodBase m:
                        if (m.DeclaringType is not null) yield return m.DeclaringType;
                        if (m is MethodInfo mi) { yield return mi.ReturnType; if (mi.IsGenericMethod) foreach (var g in mi.GetGenericArguments()) yield return g; }
                        break;
                    case FieldInfo f:
                        if (f.DeclaringType is not null) yield return f.DeclaringType;
                        yield return f.FieldType;
                        break;
                }
            }
            at += operandSize;
        }
    }
}
