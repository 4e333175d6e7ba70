using System.Text;

namespace TsSequence
{
    /// <summary>Bytes as lowercase hexadecimal, and back (no Convert.ToHexString on .NET Framework).</summary>
    internal static class Hex
    {
        public static string Lower(byte[] bytes)
        {
            var text = new StringBuilder(bytes.Length * 2);
            foreach (byte b in bytes)
            {
                text.Append("0123456789abcdef"[b >> 4]).Append("0123456789abcdef"[b & 15]);
            }

            return text.ToString();
        }

        /// <summary>The bytes of a string of hex digits, or null when it has anything else or an odd length.</summary>
        public static byte[]? Parse(string text)
        {
            if (text.Length % 2 != 0)
            {
                return null;
            }

            var bytes = new byte[text.Length / 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                int high = Digit(text[2 * i]);
                int low = Digit(text[(2 * i) + 1]);
                if (high < 0 || low < 0)
                {
                    return null;
                }

                bytes[i] = (byte)((high << 4) | low);
            }

            return bytes;
        }

        private static int Digit(char c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            if (c >= 'a' && c <= 'f')
            {
                return c - 'a' + 10;
            }

            return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        }
    }
}
