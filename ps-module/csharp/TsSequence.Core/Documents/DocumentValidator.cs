using System;

namespace TsSequence.Documents
{
    /// <summary>PLACEHOLDER until the validator lands (replaced by the real one).</summary>
    public static class DocumentValidator
    {
        /// <summary>Every problem of a sequence document as "&lt;JSON path&gt;: &lt;what was expected&gt;"; empty when valid.</summary>
        public static string[] Validate(object? document) => new string[0];

        /// <summary>Every problem of one step (or group) at <paramref name="jsonPath"/>.</summary>
        public static string[] ValidateStep(object? step, string jsonPath) => new string[0];
    }
}
