using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;

namespace TsSequence
{
    /// <summary>
    /// The task-sequence variable store the engine works with. Scripts get a
    /// <see cref="TsEnvironmentView"/> over it as <c>$tsenv</c> (the shape of ConfigMgr's
    /// Microsoft.SMS.TSEnvironment COM object), not this object with its engine-only members.
    /// Names are case-insensitive and keep the casing first used; values are strings and an empty
    /// value deletes; names starting with <c>_</c> are read-only except to the engine.
    /// Thread-safe: every member takes one lock.
    /// </summary>
    public sealed class TsEnvironment
    {
        /// <summary>What secret values are replaced with in logs and masked snapshots.</summary>
        public const string MaskText = "********";

        private const int MaxNameLength = 256;

        private readonly object _sync = new object();

        // Case-insensitive lookup; the stored key keeps the casing of the first set.
        private readonly Dictionary<string, string> _values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<string> _secrets = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        // Every value that was ever secret during this store's life (grow-only): a secret
        // variable's values and AddSecretValue's. Deleting or changing a secret variable must not
        // un-mask earlier copies of its value (a command's output that echoed it, a log line).
        private readonly HashSet<string> _secretValues = new HashSet<string>(StringComparer.Ordinal);

        // _secretValues longest first; rebuilt on the next Mask after a value is added.
        private string[]? _secretValuesByLength;

        private int _longestSecretLength;

        /// <summary>Creates an empty store.</summary>
        public TsEnvironment()
        {
        }

        /// <summary>
        /// The value of a variable: "" when it is not defined (as the COM object answers). Setting
        /// follows the user-level rules of <see cref="Set"/>.
        /// </summary>
        [IndexerName("Value")]
        public string this[string name]
        {
            get => Get(name) ?? string.Empty;
            set => Set(name, value);
        }

        /// <summary>The defined names, sorted ignoring case.</summary>
        public string[] GetVariables()
        {
            lock (_sync)
            {
                var names = new string[_values.Count];
                _values.Keys.CopyTo(names, 0);
                Array.Sort(names, StringComparer.OrdinalIgnoreCase);
                return names;
            }
        }

        /// <summary>True when the variable is defined.</summary>
        public bool Exists(string name)
        {
            string? key = TrimName(name);
            if (key is null)
            {
                return false;
            }

            lock (_sync)
            {
                return _values.ContainsKey(key);
            }
        }

        /// <summary>The value, or null when the variable is not defined.</summary>
        public string? Get(string name)
        {
            string? key = TrimName(name);
            if (key is null)
            {
                return null;
            }

            lock (_sync)
            {
                return _values.TryGetValue(key, out string? value) ? value : null;
            }
        }

        /// <summary>
        /// Sets a variable as a script may: the name must be valid and must not start with "_"
        /// (those belong to the engine). A null or empty value deletes the variable.
        /// </summary>
        /// <exception cref="InvalidOperationException">The name starts with "_".</exception>
        /// <exception cref="ArgumentException">The name is not a valid variable name.</exception>
        public void Set(string name, string? value)
        {
            string key = ValidateName(name);
            if (key[0] == '_')
            {
                throw new InvalidOperationException(ReadOnlyMessage(key));
            }

            Store(key, value);
        }

        /// <summary>
        /// Why <paramref name="name"/> cannot be set by a script (through the indexer or
        /// <see cref="Set"/>): null when it can, else the exact message the setter would throw
        /// (an invalid name, or a read-only "_" name). Lets callers refuse a bad name (a step's
        /// output variable, say) before doing any work.
        /// </summary>
        public static string? GetNameProblem(string? name)
        {
            string? problem = NameProblem(name, out string key);
            if (problem != null)
            {
                return problem;
            }

            return key[0] == '_' ? ReadOnlyMessage(key) : null;
        }

        /// <summary>
        /// Sets a variable as the engine does: "_" names are allowed. A null or empty value deletes.
        /// </summary>
        /// <exception cref="ArgumentException">The name is not a valid variable name.</exception>
        public void SetSystem(string name, string? value) => Store(ValidateName(name), value);

        /// <summary>Deletes a variable (engine level: "_" names too). Unknown names are ignored.</summary>
        public void Remove(string name)
        {
            string? key = TrimName(name);
            if (key is null)
            {
                return;
            }

            lock (_sync)
            {
                _values.Remove(key);
                _secrets.Remove(key);
            }
        }

        /// <summary>
        /// Marks a variable as secret: <see cref="MaskedSnapshot"/> hides its value, and its current
        /// value and every value stored into it while the mark lasts (until the variable is
        /// deleted) are remembered for <see cref="Mask"/> for the rest of the store's life.
        /// </summary>
        public void MarkSecret(string name)
        {
            string key = ValidateName(name);
            lock (_sync)
            {
                _secrets.Add(StoredName(key));
                if (_values.TryGetValue(key, out string? value))
                {
                    AddSecretValueLocked(value);
                }
            }
        }

        /// <summary>
        /// Remembers a secret that is not a variable's value (a step field marked secret, such as a
        /// password) so <see cref="Mask"/> hides it from now on. Null and "" are ignored.
        /// </summary>
        public void AddSecretValue(string? value)
        {
            lock (_sync)
            {
                AddSecretValueLocked(value);
            }
        }

        /// <summary>
        /// The length of the longest value <see cref="Mask"/> hides (0 when none), so a caller
        /// masking text in pieces can keep enough of the previous piece to catch a value cut at
        /// the boundary.
        /// </summary>
        public int LongestSecretLength
        {
            get
            {
                lock (_sync)
                {
                    return _longestSecretLength;
                }
            }
        }

        /// <summary>True when the variable is marked secret.</summary>
        public bool IsSecret(string name)
        {
            string? key = TrimName(name);
            if (key is null)
            {
                return false;
            }

            lock (_sync)
            {
                return _secrets.Contains(key);
            }
        }

        /// <summary>The names marked secret, sorted ignoring case.</summary>
        public string[] GetSecretNames()
        {
            lock (_sync)
            {
                var names = new string[_secrets.Count];
                _secrets.CopyTo(names);
                Array.Sort(names, StringComparer.OrdinalIgnoreCase);
                return names;
            }
        }

        /// <summary>Every value <see cref="Mask"/> hides (so a resumed run keeps masking them).</summary>
        public string[] GetSecretValues()
        {
            lock (_sync)
            {
                var values = new string[_secretValues.Count];
                _secretValues.CopyTo(values);
                return values;
            }
        }

        /// <summary>A copy of all variables with their real values (case-insensitive keys).</summary>
        public Dictionary<string, string> Snapshot()
        {
            lock (_sync)
            {
                return new Dictionary<string, string>(_values, StringComparer.OrdinalIgnoreCase);
            }
        }

        /// <summary>A copy of all variables with secret values replaced by <see cref="MaskText"/>.</summary>
        public Dictionary<string, string> MaskedSnapshot()
        {
            lock (_sync)
            {
                var copy = new Dictionary<string, string>(_values.Count, StringComparer.OrdinalIgnoreCase);
                foreach (KeyValuePair<string, string> pair in _values)
                {
                    copy[pair.Key] = _secrets.Contains(pair.Key) ? MaskText : pair.Value;
                }

                return copy;
            }
        }

        /// <summary>
        /// Expands %NAME% references in one left-to-right pass: "%%" is a literal "%"; a defined
        /// variable is replaced by its value, which is never expanded again; an undefined one stays
        /// as written; a "%" that does not open a valid, defined %NAME% stays literal and the scan
        /// goes on from the next character (as Windows' ExpandEnvironmentStrings), so in
        /// "%Undefined%Name%" the second "%" may still open "%Name%".
        /// </summary>
        public string Expand(string? text)
        {
            if (string.IsNullOrEmpty(text) || text!.IndexOf('%') < 0)
            {
                return text ?? string.Empty;
            }

            lock (_sync)
            {
                var result = new StringBuilder(text.Length);
                int copied = 0;
                int i = text.IndexOf('%');
                while (i >= 0)
                {
                    result.Append(text, copied, i - copied);
                    if (i + 1 < text.Length && text[i + 1] == '%')
                    {
                        result.Append('%');
                        copied = i + 2;
                    }
                    else
                    {
                        // Scan the longest run of name characters, then require the closing '%'.
                        int end = i + 1;
                        while (end < text.Length && end - (i + 1) <= MaxNameLength && IsNameChar(text[end]))
                        {
                            end++;
                        }

                        int length = end - (i + 1);
                        string? value = null;
                        if (end < text.Length && text[end] == '%' && length > 0 && length <= MaxNameLength && CanStartName(text[i + 1]))
                        {
                            _values.TryGetValue(text.Substring(i + 1, length), out value);
                        }

                        if (value != null)
                        {
                            result.Append(value);
                            copied = end + 1;
                        }
                        else
                        {
                            // Literal '%': the scan resumes right after it, so "%a%b%" can still
                            // match "%b%" when "a" is undefined.
                            result.Append('%');
                            copied = i + 1;
                        }
                    }

                    i = copied < text.Length ? text.IndexOf('%', copied) : -1;
                }

                result.Append(text, copied, text.Length - copied);
                return result.ToString();
            }
        }

        /// <summary>
        /// Replaces every occurrence in <paramref name="text"/> of every value that was ever secret
        /// in this store (see <see cref="MarkSecret"/> and <see cref="AddSecretValue"/>) with
        /// <see cref="MaskText"/>. Longer values win, so a secret that contains another is hidden
        /// whole; occurrences that overlap are hidden as one run, so no part of either shows; and
        /// <see cref="MaskText"/> itself is never searched again (a secret "*" cannot grow it).
        /// </summary>
        public string Mask(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return text ?? string.Empty;
            }

            string[] secrets;
            lock (_sync)
            {
                if (_secretValues.Count == 0)
                {
                    return text!;
                }

                secrets = SecretsByLengthLocked();
            }

            return MaskOccurrences(text!, secrets);
        }

        /// <summary>
        /// For text that arrives in pieces (a script's console output): masks and returns the
        /// longest start of <paramref name="text"/> that a later piece cannot change, and says in
        /// <paramref name="consumed"/> how many characters of <paramref name="text"/> that was. The
        /// rest (an end that starts a secret, or a secret seen so far only in part) must be
        /// held back and passed again with what follows, so a secret written in pieces, a line
        /// break inside it included, is still masked whole.
        /// </summary>
        public string MaskCompletePrefix(string text, out int consumed)
        {
            string[] secrets;
            lock (_sync)
            {
                if (_secretValues.Count == 0)
                {
                    consumed = text.Length;
                    return text;
                }

                secrets = SecretsByLengthLocked();
            }

            // Only a tail that could still grow into a secret is held: the longest end of the text
            // that starts one. An occurrence that starts before the cut must end before it, or the
            // cut moves to its start.
            int cut = text.Length - LongestSecretStartAtEnd(text, secrets);
            bool moved = true;
            while (moved && cut > 0)
            {
                moved = false;
                foreach (string secret in secrets)
                {
                    int from = Math.Max(0, cut - secret.Length + 1);
                    int at = text.IndexOf(secret, from, StringComparison.Ordinal);
                    while (at >= 0 && at < cut)
                    {
                        if (at + secret.Length > cut)
                        {
                            cut = at;
                            moved = true;
                            break;
                        }

                        at = text.IndexOf(secret, at + 1, StringComparison.Ordinal);
                    }
                }
            }

            consumed = cut;
            return cut == 0 ? string.Empty : MaskOccurrences(text.Substring(0, cut), secrets);
        }

        // The length of the longest end of text that is the start of a secret (shorter than it).
        // Comparing only where the secret's first character stands keeps ordinary text linear.
        private static int LongestSecretStartAtEnd(string text, string[] secrets)
        {
            int longest = 0;
            foreach (string secret in secrets)
            {
                for (int length = Math.Min(secret.Length - 1, text.Length); length > longest; length--)
                {
                    int at = text.Length - length;
                    if (text[at] == secret[0] && string.CompareOrdinal(text, at, secret, 0, length) == 0)
                    {
                        longest = length;
                        break;
                    }
                }
            }

            return longest;
        }

        // Finds every occurrence (overlapping ones too) of every secret, merges the ranges that
        // overlap and replaces each merged range by MaskText. Ranges that only touch stay separate,
        // so "abcabc" with secret "abc" reads as two masks, as a longest-first Replace would give.
        private static string MaskOccurrences(string text, string[] secrets)
        {
            List<KeyValuePair<int, int>>? ranges = null; // start, end (exclusive)
            foreach (string secret in secrets)
            {
                if (secret.Length > text.Length)
                {
                    continue;
                }

                int at = text.IndexOf(secret, StringComparison.Ordinal);
                while (at >= 0)
                {
                    ranges ??= new List<KeyValuePair<int, int>>();
                    ranges.Add(new KeyValuePair<int, int>(at, at + secret.Length));
                    at = at + 1 < text.Length ? text.IndexOf(secret, at + 1, StringComparison.Ordinal) : -1;
                }
            }

            if (ranges is null)
            {
                return text;
            }

            // By start, longest first for equal starts.
            ranges.Sort((a, b) => a.Key != b.Key ? a.Key.CompareTo(b.Key) : b.Value.CompareTo(a.Value));
            var masked = new StringBuilder(text.Length);
            int copied = 0;
            int i = 0;
            while (i < ranges.Count)
            {
                int start = ranges[i].Key;
                int end = ranges[i].Value;
                i++;
                while (i < ranges.Count && ranges[i].Key < end)
                {
                    end = Math.Max(end, ranges[i].Value);
                    i++;
                }

                masked.Append(text, copied, start - copied).Append(MaskText);
                copied = end;
            }

            masked.Append(text, copied, text.Length - copied);
            return masked.ToString();
        }

        // _secretValues longest first, cached until a value is added.
        private string[] SecretsByLengthLocked()
        {
            if (_secretValuesByLength is null)
            {
                var sorted = new string[_secretValues.Count];
                _secretValues.CopyTo(sorted);
                Array.Sort(sorted, (a, b) => b.Length.CompareTo(a.Length));
                _secretValuesByLength = sorted;
            }

            return _secretValuesByLength;
        }

        private void AddSecretValueLocked(string? value)
        {
            if (string.IsNullOrEmpty(value) || !_secretValues.Add(value!))
            {
                return;
            }

            _secretValuesByLength = null;
            if (value!.Length > _longestSecretLength)
            {
                _longestSecretLength = value.Length;
            }
        }

        private void Store(string key, string? value)
        {
            lock (_sync)
            {
                if (string.IsNullOrEmpty(value))
                {
                    _values.Remove(key);
                    _secrets.Remove(key);
                    return;
                }

                if (_secrets.Contains(key))
                {
                    AddSecretValueLocked(value);
                }

                if (_values.ContainsKey(key))
                {
                    // Keep the first casing: the dictionary keeps the original key on update.
                    _values[key] = value!;
                }
                else
                {
                    _values.Add(key, value!);
                }
            }
        }

        // The casing the variable was first set with, so secret names read like variable names.
        private string StoredName(string key)
        {
            foreach (string stored in _values.Keys)
            {
                if (string.Equals(stored, key, StringComparison.OrdinalIgnoreCase))
                {
                    return stored;
                }
            }

            return key;
        }

        // Valid name after trimming spaces, or an ArgumentException naming the variable and the rule.
        // No paramName: its suffix differs between .NET Framework and .NET, and the message is
        // what GetNameProblem promises.
        private static string ValidateName(string? name)
        {
            string? problem = NameProblem(name, out string key);
            if (problem != null)
            {
                throw new ArgumentException(problem);
            }

            return key;
        }

        // Null when the trimmed name is valid (a "_" name included), else why not.
        private static string? NameProblem(string? name, out string key)
        {
            key = (name ?? string.Empty).Trim(' ');
            if (key.Length == 0 || key.Length > MaxNameLength)
            {
                return "Variable name '" + key + "' is not valid: a name has 1 to 256 characters.";
            }

            foreach (char c in key)
            {
                if (!IsNameChar(c))
                {
                    return "Variable name '" + key + "' is not valid: use only letters, digits, '_' and '-'.";
                }
            }

            if (key[0] != '_' && !IsLetter(key[0]))
            {
                return "Variable name '" + key + "' is not valid: a name must start with a letter.";
            }

            return null;
        }

        private static string ReadOnlyMessage(string key) =>
            "Variable '" + key + "' is read-only: names starting with '_' are set by the task sequence engine.";

        private static string? TrimName(string? name)
        {
            string key = (name ?? string.Empty).Trim(' ');
            return key.Length == 0 ? null : key;
        }

        // ASCII letters and digits only: ConfigMgr variable names are ASCII identifiers.
        private static bool IsLetter(char c) => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');

        // In %NAME% the engine's read-only "_" names count too (%_SMSTSMachineName%).
        private static bool CanStartName(char c) => IsLetter(c) || c == '_';

        private static bool IsNameChar(char c) => IsLetter(c) || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }
}
