using System;
using System.Collections;
using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace TsSequence.Conditions
{
    /// <summary>
    /// A WMI condition (spec 2.2, Query WMI): true when the query returns at least one instance.
    /// On Windows the query runs as Get-CimInstance in a runspace of its own, the namespace and
    /// query passed as parameter values (System.Management is not in netstandard2.0). Where there
    /// is no WMI the condition is false, and says so.
    /// </summary>
    internal static class WmiCondition
    {
        private const string DefaultNamespace = "root\\cimv2";

        internal static bool Holds(IDictionary wmi, TsEnvironment environment, ConditionContext context)
        {
            string query = environment.Expand(ConditionEvaluator.Required(wmi, "query", "wmi"));
            string ns = environment.Expand(ConditionEvaluator.Optional(wmi, "namespace") ?? DefaultNamespace);
            string what = $"'{query}' ({ns})";
            if (!Platform.IsWindows)
            {
                return context.False("wmi", what, "this platform has no WMI");
            }

            return Query(ns, query) || context.False("wmi", what, "the query returned no instance");
        }

        private static bool Query(string ns, string query)
        {
            using (Runspace runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2()))
            using (PowerShell shell = PowerShell.Create())
            {
                runspace.Open();
                shell.Runspace = runspace;
                shell.AddCommand("CimCmdlets\\Get-CimInstance")
                    .AddParameter("Namespace", ns)
                    .AddParameter("Query", query)
                    .AddParameter("ErrorAction", ActionPreference.Stop)
                    .AddCommand("Microsoft.PowerShell.Utility\\Select-Object")
                    .AddParameter("First", 1);
                Collection<PSObject> found;
                try
                {
                    found = shell.Invoke();
                }
                catch (RuntimeException exception)
                {
                    throw new InvalidOperationException($"The WMI query '{query}' in {ns} failed: {exception.Message}", exception);
                }

                if (shell.HadErrors && shell.Streams.Error.Count > 0)
                {
                    throw new InvalidOperationException($"The WMI query '{query}' in {ns} failed: {shell.Streams.Error[0]}");
                }

                return found.Count > 0;
            }
        }
    }
}
