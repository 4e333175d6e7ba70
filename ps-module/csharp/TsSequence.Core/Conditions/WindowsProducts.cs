using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace TsSequence.Conditions
{
    /// <summary>
    /// Installed products on Windows, from the registry (no COM): the Uninstall keys of both
    /// views of HKLM and of HKCU (an MSI product's key is its product code), and Windows
    /// Installer's UpgradeCodes keys (packed GUIDs) for a product family.
    /// </summary>
    internal static class WindowsProducts
    {
        private const string Uninstall = @"SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall";

        private static readonly string[] UpgradeCodeKeys =
        {
            @"SOFTWARE\Classes\Installer\UpgradeCodes",
            @"SOFTWARE\Microsoft\Windows\CurrentVersion\Installer\UpgradeCodes",
        };

        // (hive, 32-bit view) pairs holding Uninstall keys.
        private static IEnumerable<KeyValuePair<IntPtr, bool>> Roots()
        {
            yield return new KeyValuePair<IntPtr, bool>(WindowsRegistry.Machine, false);
            yield return new KeyValuePair<IntPtr, bool>(WindowsRegistry.Machine, true);
            yield return new KeyValuePair<IntPtr, bool>(WindowsRegistry.CurrentUser, false);
        }

        /// <summary>The product with this product code, if installed.</summary>
        internal static List<InstalledProduct> OfProductCode(string productCode)
        {
            string code = Braced(productCode, "productCode");
            var found = new List<InstalledProduct>();
            foreach (var root in Roots())
            {
                AddEntry(found, root.Key, root.Value, Uninstall + "\\" + code);
            }

            return found;
        }

        /// <summary>Installed products whose display name is <paramref name="name"/> (ignoring case).</summary>
        internal static List<InstalledProduct> Named(string name)
        {
            var found = new List<InstalledProduct>();
            foreach (var root in Roots())
            {
                foreach (string key in WindowsRegistry.SubKeyNames(root.Key, Uninstall, root.Value))
                {
                    string? displayName = Text(root.Key, Uninstall + "\\" + key, "DisplayName", root.Value);
                    if (string.Equals(displayName, name, StringComparison.OrdinalIgnoreCase))
                    {
                        AddEntry(found, root.Key, root.Value, Uninstall + "\\" + key);
                    }
                }
            }

            return found;
        }

        /// <summary>Installed products of the family <paramref name="upgradeCode"/>.</summary>
        internal static List<InstalledProduct> OfUpgradeCode(string upgradeCode)
        {
            string packed = Pack(Braced(upgradeCode, "upgradeCode"));
            var found = new List<InstalledProduct>();
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (string parent in UpgradeCodeKeys)
            {
                foreach (string packedProduct in WindowsRegistry.ValueNames(WindowsRegistry.Machine, parent + "\\" + packed, false))
                {
                    if (packedProduct.Length == 32 && seen.Add(packedProduct))
                    {
                        string productCode = Unpack(packedProduct);
                        List<InstalledProduct> products = OfProductCode(productCode);
                        found.AddRange(products.Count > 0 ? products : new List<InstalledProduct> { new InstalledProduct(productCode, string.Empty) });
                    }
                }
            }

            return found;
        }

        private static void AddEntry(List<InstalledProduct> found, IntPtr hive, bool view32, string key)
        {
            string? name = Text(hive, key, "DisplayName", view32);
            if (name != null)
            {
                found.Add(new InstalledProduct(name, Text(hive, key, "DisplayVersion", view32) ?? string.Empty));
            }
        }

        private static string? Text(IntPtr hive, string key, string name, bool view32) =>
            WindowsRegistry.ReadValue(hive, key, name, view32, out _)?.Text;

        private static string Braced(string code, string field)
        {
            if (!Guid.TryParse(code, out Guid guid))
            {
                throw new ArgumentException($"software.{field} '{code}' is not a GUID such as {{00000000-0000-0000-0000-000000000000}}.");
            }

            return guid.ToString("B", CultureInfo.InvariantCulture).ToUpperInvariant();
        }

        /// <summary>Windows Installer's packed form of a GUID: the first three groups reversed, then each byte's two digits swapped.</summary>
        internal static string Pack(string braced)
        {
            string hex = braced.Trim('{', '}').Replace("-", string.Empty);
            var packed = new StringBuilder(32);
            packed.Append(Reverse(hex.Substring(0, 8))).Append(Reverse(hex.Substring(8, 4))).Append(Reverse(hex.Substring(12, 4)));
            for (int i = 16; i < 32; i += 2)
            {
                packed.Append(hex[i + 1]).Append(hex[i]);
            }

            return packed.ToString();
        }

        /// <summary>The braced GUID of a packed one (packing is its own inverse).</summary>
        internal static string Unpack(string packed)
        {
            string hex = Pack("{" + packed + "}");
            return "{" + hex.Substring(0, 8) + "-" + hex.Substring(8, 4) + "-" + hex.Substring(12, 4) + "-" + hex.Substring(16, 4) + "-" + hex.Substring(20) + "}";
        }

        private static string Reverse(string text)
        {
            char[] chars = text.ToCharArray();
            Array.Reverse(chars);
            return new string(chars);
        }
    }
}
