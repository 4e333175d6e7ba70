namespace TsSequence.Model
{
    /// <summary>
    /// One parameter of a step type as the TypeScript model describes it (src/model/), emitted
    /// into generated/csharp/StepCatalog.g.cs. Type is the model's kind: string, boolean, integer,
    /// number, string[], integer[], steps, parameters, rules or condition.
    /// </summary>
    public sealed class ParameterSpec
    {
        /// <summary>A parameter description (generated code calls this).</summary>
        public ParameterSpec(string name, string psName, string type, bool required, object? defaultValue, string[]? enumValues, double? minimum, double? maximum, int? minLength, int? maxLength, string? pattern, bool secret, bool verbatim, bool code, string? variable, string description)
        {
            Name = name;
            PsName = psName;
            Type = type;
            Required = required;
            Default = defaultValue;
            Enum = enumValues;
            Minimum = minimum;
            Maximum = maximum;
            MinLength = minLength;
            MaxLength = maxLength;
            Pattern = pattern;
            Secret = secret;
            Verbatim = verbatim;
            Code = code;
            Variable = variable;
            Description = description;
        }

        /// <summary>The JSON name (camelCase).</summary>
        public string Name { get; }

        /// <summary>The PowerShell parameter name (PascalCase).</summary>
        public string PsName { get; }

        /// <summary>The model's kind of value.</summary>
        public string Type { get; }

        /// <summary>Whether a step must give it.</summary>
        public bool Required { get; }

        /// <summary>The model default, null for none.</summary>
        public object? Default { get; }

        /// <summary>Allowed values, null for any.</summary>
        public string[]? Enum { get; }

        /// <summary>Smallest number allowed.</summary>
        public double? Minimum { get; }

        /// <summary>Largest number allowed.</summary>
        public double? Maximum { get; }

        /// <summary>Shortest string allowed.</summary>
        public int? MinLength { get; }

        /// <summary>Longest string allowed.</summary>
        public int? MaxLength { get; }

        /// <summary>A regular expression a string must match.</summary>
        public string? Pattern { get; }

        /// <summary>A password: its value joins the mask.</summary>
        public bool Secret { get; }

        /// <summary>Code (script source): never %var%-expanded.</summary>
        public bool Verbatim { get; }

        /// <summary>The value is code (a command line, a script): an action variable never replaces it.</summary>
        public bool Code { get; }

        /// <summary>ConfigMgr's variable for this parameter, null for none.</summary>
        public string? Variable { get; }

        /// <summary>The model's description.</summary>
        public string Description { get; }
    }
}
