using System;
using System.Security.Cryptography;
using System.Text;

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
            string json = DocumentJson.Write(document, sorted: true);
            using (var sha = SHA256.Create())
            {
                return "sha256:" + Hex.Lower(sha.ComputeHash(Encoding.UTF8.GetBytes(json)));
            }
        }
    }
}
