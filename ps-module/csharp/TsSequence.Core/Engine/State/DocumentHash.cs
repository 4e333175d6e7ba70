using System;
using System.Collections;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using TsSequence.Json;

namespace TsSequence.Engine.State
{
    /// <summary>
    /// The SHA-256 of a sequence document in a canonical form: its JSON with every object's keys
    /// sorted (ordinal) and no whitespace, so re-indenting a file or reordering its keys is not a
    /// change, and any other edit is. Written "sha256:" and lowercase hex.
    /// </summary>
    internal static class DocumentHash
    {
        internal static string Of(object? document)
        {
            string json = JsonCodec.Serialize(Canonical(document));
            using (var sha = SHA256.Create())
            {
                return "sha256:" + Hex.Lower(sha.ComputeHash(Encoding.UTF8.GetBytes(json)));
            }
        }

        private static object? Canonical(object? value)
        {
            switch (value)
            {
                case IDictionary dictionary:
                    var sorted = new SortedDictionary<string, object?>(StringComparer.Ordinal);
                    foreach (DictionaryEntry entry in dictionary)
                    {
                        sorted[Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty] = Canonical(entry.Value);
                    }

                    return sorted;
                case string text:
                    return text;
                case IEnumerable items:
                    var list = new List<object?>();
                    foreach (object? item in items)
                    {
                        list.Add(Canonical(item));
                    }

                    return list;
                default:
                    return value;
            }
        }
    }
}
