using System;
using System.Collections.Generic;

namespace TsSequence.Model
{
    /// <summary>
    /// The step model the TypeScript model defines (src/model/), compiled in from
    /// generated/csharp/StepCatalog.g.cs: never write a step's parameters here by hand.
    /// This part adds the lookups the engine uses.
    /// </summary>
    public static partial class StepCatalog
    {
        private static Dictionary<string, StepTypeSpec>? byName;
        private static Dictionary<string, ParameterSpec[]>? parametersByType;

        /// <summary>Every type a document may use: the step types, then Group and Node.</summary>
        public static string[] KnownTypeNames
        {
            get
            {
                var names = new List<string>();
                foreach (StepTypeSpec type in StepTypes)
                {
                    names.Add(type.Name);
                }

                names.Add(Group.Name);
                names.Add(Node.Name);
                return names.ToArray();
            }
        }

        /// <summary>The type named <paramref name="name"/> (exact case), Group and Node included; null when unknown.</summary>
        public static StepTypeSpec? Find(string? name)
        {
            if (name == null)
            {
                return null;
            }

            Dictionary<string, StepTypeSpec> lookup = byName ??= BuildLookup();
            return lookup.TryGetValue(name, out StepTypeSpec? type) ? type : null;
        }

        /// <summary>
        /// Every parameter a type takes, options first: a step the common options, a group the
        /// group options (no timeoutMinutes: a group has no process to stop).
        /// </summary>
        public static ParameterSpec[] ParametersOf(string type)
        {
            Dictionary<string, ParameterSpec[]> lookup = parametersByType ??= BuildParameters();
            if (!lookup.TryGetValue(type, out ParameterSpec[]? parameters))
            {
                throw new ArgumentException($"Unknown step type '{type}'.");
            }

            return parameters;
        }

        private static Dictionary<string, StepTypeSpec> BuildLookup()
        {
            var lookup = new Dictionary<string, StepTypeSpec>(StringComparer.Ordinal);
            foreach (StepTypeSpec type in StepTypes)
            {
                lookup[type.Name] = type;
            }

            lookup[Group.Name] = Group;
            lookup[Node.Name] = Node;
            return lookup;
        }

        private static Dictionary<string, ParameterSpec[]> BuildParameters()
        {
            var lookup = new Dictionary<string, ParameterSpec[]>(StringComparer.Ordinal);
            foreach (StepTypeSpec type in StepTypes)
            {
                lookup[type.Name] = Concat(CommonOptions, type.Parameters);
            }

            lookup[Group.Name] = Concat(GroupOptions, Group.Parameters);
            lookup[Node.Name] = Concat(CommonOptions, Node.Parameters);
            return lookup;
        }

        // The options, then the type's own parameters; an own parameter named like an option is
        // that option with the type's own default (the model's redeclared common option) and takes its place.
        private static ParameterSpec[] Concat(ParameterSpec[] options, ParameterSpec[] own)
        {
            var all = new List<ParameterSpec>(options.Length + own.Length);
            var overrides = new Dictionary<string, ParameterSpec>(StringComparer.Ordinal);
            foreach (ParameterSpec parameter in own)
            {
                if (Array.Exists(options, option => option.Name == parameter.Name))
                {
                    overrides[parameter.Name] = parameter;
                }
            }

            foreach (ParameterSpec option in options)
            {
                all.Add(overrides.TryGetValue(option.Name, out ParameterSpec? replaced) ? replaced : option);
            }

            foreach (ParameterSpec parameter in own)
            {
                if (!overrides.ContainsKey(parameter.Name))
                {
                    all.Add(parameter);
                }
            }

            return all.ToArray();
        }
    }
}
