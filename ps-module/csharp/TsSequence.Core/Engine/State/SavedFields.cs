using System.Collections;
using System.Globalization;

namespace TsSequence.Engine.State
{
    /// <summary>
    /// Reads the fields of one saved JSON object (state.json, sequence.json, a result entry),
    /// each of the type and in the range a run saves; anything else is an error naming the file
    /// and the field ("'position' must be a whole number from 0 to 12"), never .NET's cast text.
    /// </summary>
    internal sealed class SavedFields
    {
        private readonly string file;
        private readonly IDictionary values;
        private readonly string prefix;

        /// <param name="file">The file, named in errors.</param>
        /// <param name="values">The object read.</param>
        /// <param name="prefix">Names the object inside the file ("a result entry's "), or empty.</param>
        internal SavedFields(string file, IDictionary values, string prefix = "")
        {
            this.file = file;
            this.values = values;
            this.prefix = prefix;
        }

        internal string Text(string name) => values[name] as string ?? throw Wrong(name, "a string");

        internal string? OptionalText(string name) => values[name] == null ? null : values[name] as string ?? throw Wrong(name, "a string or null");

        internal int Number(string name, int min, int max) =>
            Whole(values[name], min, max) ?? throw Wrong(name, Range(min, max));

        internal int? OptionalNumber(string name, int min, int max) =>
            values[name] == null ? (int?)null : Whole(values[name], min, max) ?? throw Wrong(name, Range(min, max) + " or null");

        internal long Length(string name, long max)
        {
            object? value = values[name];
            long? length = value is int small ? small : value is long large ? large : (long?)null;
            return length >= 0 && length <= max ? length.Value : throw Wrong(name, $"a whole number from 0 to {max.ToString(CultureInfo.InvariantCulture)}");
        }

        internal IDictionary Object(string name) => values[name] as IDictionary ?? throw Wrong(name, "an object");

        internal object?[] List(string name) => values[name] as object?[] ?? throw Wrong(name, "an array");

        /// <summary>The error for field <paramref name="name"/>, which must be <paramref name="expected"/>.</summary>
        internal EngineException Wrong(string name, string expected) =>
            StateException.Invalid(file, $"{prefix}'{name}' must be {expected}");

        /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, or null when <paramref name="value"/> is not one.</summary>
        internal static int? Whole(object? value, int min, int max) =>
            value is int number && number >= min && number <= max ? number : (int?)null;

        internal static string Range(int min, int max) =>
            max == int.MaxValue ? $"a whole number from {min.ToString(CultureInfo.InvariantCulture)}" : $"a whole number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}";

        /// <summary>The file these fields come from.</summary>
        internal string File => file;
    }
}
