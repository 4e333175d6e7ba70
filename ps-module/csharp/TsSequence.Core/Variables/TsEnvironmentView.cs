using System;
using System.Runtime.CompilerServices;

namespace TsSequence
{
    /// <summary>
    /// What a running script gets as <c>$tsenv</c>: the members of ConfigMgr's
    /// Microsoft.SMS.TSEnvironment COM object that scripts use — <c>$tsenv.Value('X')</c>,
    /// <c>$tsenv.Value('X') = 'y'</c>, <c>$tsenv.GetVariables()</c> — over a
    /// <see cref="TsEnvironment"/>, with the user-level rules ("_" names are read-only, "" deletes)
    /// and none of the engine's members (SetSystem, Remove, Snapshot, secret marks).
    /// It keeps honest scripts from reaching engine state by accident; it is not a security
    /// boundary against code running in the same process.
    /// </summary>
    public sealed class TsEnvironmentView
    {
        private readonly TsEnvironment _environment;

        // Set when the step this view was given to has ended without its script (a timeout the
        // script outlived): from then on the script reaches nothing of the run.
        private volatile bool _detached;

        /// <summary>A view over <paramref name="environment"/>; changes go straight to it.</summary>
        public TsEnvironmentView(TsEnvironment environment)
        {
            _environment = environment ?? throw new ArgumentNullException(nameof(environment));
        }

        /// <summary>
        /// The value of a variable, "" when it is not defined. Setting follows
        /// <see cref="TsEnvironment.Set"/>: "_" names are refused with an
        /// InvalidOperationException, invalid names with an ArgumentException, "" deletes.
        /// </summary>
        [IndexerName("Value")]
        public string this[string name]
        {
            get => Live()[name];
            set => Live().Set(name, value);
        }

        /// <summary>The defined names (engine "_" names too), sorted ignoring case.</summary>
        public string[] GetVariables() => Live().GetVariables();

        /// <summary>Cuts the view off its environment (the engine gave up waiting for the script).</summary>
        internal void Detach() => _detached = true;

        private TsEnvironment Live() => _detached
            ? throw new InvalidOperationException("The step that ran this script has ended (the script timed out), so the task sequence environment is no longer available to it.")
            : _environment;

        /// <summary>Says what the object is without showing any value.</summary>
        public override string ToString() => "TsSequence task sequence environment";
    }
}
