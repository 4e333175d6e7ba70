using System.Collections.Specialized;
using TsSequence.Model;
using TsSequence.Steps;

namespace TsSequence.Protocol
{
    /// <summary>What getStepTypes answers: every step type of the model with its parameters, as data.</summary>
    internal static class StepTypeDescriptions
    {
        internal static object[] All()
        {
            var types = new object[StepCatalog.StepTypes.Length];
            for (int i = 0; i < types.Length; i++)
            {
                StepTypeSpec type = StepCatalog.StepTypes[i];
                var parameters = new object[type.Parameters.Length];
                for (int j = 0; j < parameters.Length; j++)
                {
                    parameters[j] = Describe(type.Parameters[j]);
                }

                types[i] = new OrderedDictionary
                {
                    { "Name", type.Name },
                    { "DisplayName", type.DisplayName },
                    { "WmiClass", type.WmiClass },
                    { "Synopsis", type.Synopsis },
                    { "Description", type.Description },
                    { "Implemented", StepRunners.IsImplemented(type.Name) },
                    { "Parameters", parameters },
                };
            }

            return types;
        }

        private static OrderedDictionary Describe(ParameterSpec p) => new OrderedDictionary
        {
            { "Name", p.Name }, { "PsName", p.PsName }, { "Type", p.Type }, { "Required", p.Required }, { "Default", p.Default },
            { "Enum", p.Enum }, { "Minimum", p.Minimum }, { "Maximum", p.Maximum }, { "MinLength", p.MinLength }, { "MaxLength", p.MaxLength },
            { "Pattern", p.Pattern }, { "Secret", p.Secret }, { "Verbatim", p.Verbatim }, { "Variable", p.Variable }, { "Description", p.Description },
        };
    }
}
