using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;

namespace TsSequence
{
    /// <summary>
    /// The task-sequence variable store, handed to scripts as <c>$tsenv</c> the way ConfigMgr hands
    /// them the Microsoft.SMS.TSEnvironment COM object: <c>$tsenv.Value('Name') = 'x'</c>.
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
                throw new InvalidOperationException(
                    "Variable '" + key + "' is read-only: names starting with '_' are set by the task sequence engine.");
            }

            Store(key, value);
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
        /// Marks a variable's value as secret: <see cref="Mask"/> and <see cref="MaskedSnapshot"/>
        /// hide it. The mark lasts until the variable is deleted.
        /// </summary>
        public void MarkSecret(string name)
        {
            string key = ValidateName(name);
            lock (_sync)
            {
                _secrets.Add(StoredName(key));
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
        /// Replaces every occurrence of a non-empty secret value in <paramref name="text"/> with
        /// <see cref="MaskText"/>, longest values first so a secret that contains another is
        /// hidden whole.
        /// </summary>
        public string Mask(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return text ?? string.Empty;
            }

            List<string> secrets;
            lock (_sync)
            {
                if (_secrets.Count == 0)
                {
                    return text!;
                }

                secrets = new List<string>(_secrets.Count);
                foreach (string name in _secrets)
                {
                    if (_values.TryGetValue(name, out string? value) && value.Length > 0)
                    {
                        secrets.Add(value);
                    }
                }
            }

            secrets.Sort((a, b) => b.Length.CompareTo(a.Length));
            string masked = text!;
            foreach (string secret in secrets)
            {
                masked = masked.Replace(secret, MaskText);
            }

            return masked;
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
        private static string ValidateName(string? name)
        {
            string key = (name ?? string.Empty).Trim(' ');
            if (key.Length == 0 || key.Length > MaxNameLength)
            {
                throw new ArgumentException(
                    "Variable name '" + key + "' is not valid: a name has 1 to 256 characters.", nameof(name));
            }

            foreach (char c in key)
            {
                if (!IsNameChar(c))
                {
                    throw new ArgumentException(
                        "Variable name '" + key + "' is not valid: use only letters, digits, '_' and '-'.", nameof(name));
                }
            }

            if (key[0] != '_' && !IsLetter(key[0]))
            {
                throw new ArgumentException(
                    "Variable name '" + key + "' is not valid: a name must start with a letter.", nameof(name));
            }

            return key;
        }

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
