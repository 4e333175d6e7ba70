using System;

namespace TsSequence.Engine.Log
{
    /// <summary>
    /// Masks text that arrives in pieces (a pipe's reads) while holding back only what a later
    /// piece could still turn into a secret: the earliest tail that is the start of a secret
    /// ("Hunt" of "Hunter2", a key's first line and its line break). Text that cannot become a
    /// secret passes at once, so a line is shown when its line break comes; a held tail is never
    /// shown on its own, only masked together with what follows it.
    /// </summary>
    internal static class SecretHold
    {
        /// <summary>
        /// Masks and returns the start of <paramref name="text"/> no later text can change;
        /// <paramref name="consumed"/> says how many characters of <paramref name="text"/> that was.
        /// </summary>
        internal static string MaskSettled(TsEnvironment environment, string text, out int consumed)
        {
            string[] secrets = environment.GetSecretValues();
            if (secrets.Length == 0)
            {
                consumed = text.Length;
                return text;
            }

            int cut = text.Length;
            foreach (string secret in secrets)
            {
                cut = Math.Min(cut, SecretStart(text, secret));
            }

            // A whole occurrence that starts before the cut must end before it, or the cut moves to its start.
            bool moved = true;
            while (moved && cut > 0)
            {
                moved = false;
                foreach (string secret in secrets)
                {
                    int at = text.IndexOf(secret, Math.Max(0, cut - secret.Length + 1), StringComparison.Ordinal);
                    if (at >= 0 && at < cut)
                    {
                        cut = at;
                        moved = true;
                    }
                }
            }

            consumed = cut;
            return cut == 0 ? string.Empty : environment.Mask(text.Substring(0, cut));
        }

        // Where the earliest tail of text that is a proper start of secret begins (text.Length for none).
        private static int SecretStart(string text, string secret)
        {
            int at = text.IndexOf(secret[0], Math.Min(text.Length, Math.Max(0, text.Length - secret.Length + 1)));
            while (at >= 0)
            {
                if (string.CompareOrdinal(text, at, secret, 0, text.Length - at) == 0)
                {
                    return at;
                }

                at = at + 1 < text.Length ? text.IndexOf(secret[0], at + 1) : -1;
            }

            return text.Length;
        }
    }
}
