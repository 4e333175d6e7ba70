namespace TsSequence.Model
{
    /// <summary>One step type of the model (or Group, or Node), emitted into generated/csharp/StepCatalog.g.cs.</summary>
    public sealed class StepTypeSpec
    {
        /// <summary>A step type description (generated code calls this).</summary>
        public StepTypeSpec(string name, string displayName, string wmiClass, string synopsis, string description, ParameterSpec[] parameters)
        {
            Name = name;
            DisplayName = displayName;
            WmiClass = wmiClass;
            Synopsis = synopsis;
            Description = description;
            Parameters = parameters;
        }

        /// <summary>The type name documents use.</summary>
        public string Name { get; }

        /// <summary>ConfigMgr's display name.</summary>
        public string DisplayName { get; }

        /// <summary>ConfigMgr's WMI class.</summary>
        public string WmiClass { get; }

        /// <summary>One-line help.</summary>
        public string Synopsis { get; }

        /// <summary>Full help.</summary>
        public string Description { get; }

        /// <summary>The type's own parameters (the common options are in <see cref="StepCatalog.CommonOptions"/>).</summary>
        public ParameterSpec[] Parameters { get; }
    }
}
