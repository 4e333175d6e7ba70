using System;
using System.Collections;
using System.Collections.Generic;

namespace TsSequence.Conditions
{
    /// <summary>
    /// An installed-software condition (spec 2.2, Installed Software). anyVersion: a product of
    /// the family (upgradeCode) is installed, or, without one, a product of that productName or
    /// productCode. thisVersion: that product (productCode, else productName) is installed, at
    /// version when one is given. Windows reads the installed products from the registry
    /// (<see cref="WindowsProducts"/>); Linux from its package database (<see cref="PackageDatabase"/>),
    /// which knows names and versions but no MSI codes. Elsewhere the condition is false, and says so.
    /// </summary>
    internal static class SoftwareCondition
    {
        internal static bool Holds(IDictionary software, TsEnvironment environment, ConditionContext context)
        {
            string op = ConditionEvaluator.Required(software, "operator", "software");
            string? name = Expanded(software, "productName", environment);
            string? productCode = Expanded(software, "productCode", environment);
            string? upgradeCode = Expanded(software, "upgradeCode", environment);
            string? version = Expanded(software, "version", environment);
            if (op != "anyVersion" && op != "thisVersion")
            {
                throw new ArgumentException($"software.operator '{op}' is not anyVersion or thisVersion.");
            }

            if (name == null && productCode == null && upgradeCode == null)
            {
                throw new ArgumentException("A software condition needs a productName, productCode or upgradeCode.");
            }

            string what = "'" + (name ?? productCode ?? upgradeCode) + "'";
            if (op == "anyVersion")
            {
                version = null;
            }

            if (Platform.IsWindows)
            {
                List<InstalledProduct> products = op == "anyVersion" && upgradeCode != null
                    ? WindowsProducts.OfUpgradeCode(upgradeCode)
                    : productCode != null ? WindowsProducts.OfProductCode(productCode) : WindowsProducts.Named(name!);
                return Matches(products, version, what, context);
            }

            if (!PackageDatabase.Available(out string database))
            {
                return context.False("software", what, "this platform has no package database (dpkg or rpm)");
            }

            if (name == null)
            {
                return context.False("software", what, $"the {database} package database has no MSI product or upgrade codes; name the package with productName");
            }

            return Matches(PackageDatabase.Find(name), version, what, context);
        }

        private static bool Matches(List<InstalledProduct> products, string? version, string what, ConditionContext context)
        {
            if (products.Count == 0)
            {
                return context.False("software", what, "no such product is installed");
            }

            if (version == null)
            {
                return true;
            }

            var installed = new List<string>();
            foreach (InstalledProduct product in products)
            {
                if (product.HasVersion(version))
                {
                    return true;
                }

                installed.Add(product.Version);
            }

            return context.False("software", what, $"version {version} is not installed (installed: {string.Join(", ", installed)})");
        }

        private static string? Expanded(IDictionary software, string name, TsEnvironment environment)
        {
            string? value = ConditionEvaluator.Optional(software, name);
            return string.IsNullOrEmpty(value) ? null : environment.Expand(value);
        }
    }

    /// <summary>One installed product: its name and version as the platform records them.</summary>
    internal sealed class InstalledProduct
    {
        internal InstalledProduct(string name, string version)
        {
            Name = name;
            Version = version;
        }

        internal string Name { get; }

        internal string Version { get; }

        /// <summary>
        /// Whether this is <paramref name="wanted"/>: as versions when both are (1.2 is 1.2.0.0), else
        /// as text ignoring case; a Debian/RPM version also matches without its epoch ("1:") and
        /// revision ("-2+b1"), so 5.2.15 matches 5.2.15-2+b2.
        /// </summary>
        internal bool HasVersion(string wanted)
        {
            foreach (string candidate in new[] { Version, Upstream(Version) })
            {
                if (string.Equals(candidate, wanted, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }

                try
                {
                    if (FileCondition.ParseVersion(candidate) == FileCondition.ParseVersion(wanted))
                    {
                        return true;
                    }
                }
                catch (ArgumentException)
                {
                    // not both versions: the text comparison above decided
                }
            }

            return false;
        }

        private static string Upstream(string version)
        {
            int colon = version.IndexOf(':');
            string rest = colon >= 0 ? version.Substring(colon + 1) : version;
            int dash = rest.LastIndexOf('-');
            return dash > 0 ? rest.Substring(0, dash) : rest;
        }
    }
}
