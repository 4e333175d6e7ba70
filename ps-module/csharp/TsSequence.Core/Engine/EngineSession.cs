using System;

namespace TsSequence.Engine
{
    /// <summary>
    /// What one PowerShell session (one import of the module) shares between calls: the run
    /// folder every Invoke-TsStep and bridge step uses (one per session, not per call; removed at
    /// exit if nothing was written into it) and the variables Invoke-TsStep without -Variables,
    /// Get-TsVariable and Set-TsVariable share, so a value set by one call is seen by the next.
    /// Both are created on first use. Invoke-TsSequence makes a folder of its own for each run.
    /// </summary>
    public sealed class EngineSession
    {
        private readonly object sync = new object();
        private RunFolder? run;
        private TsEnvironment? environment;

        /// <summary>The session's run folder; fails with RunFolderUnavailable when it cannot be created.</summary>
        public RunFolder Run
        {
            get
            {
                lock (sync)
                {
                    if (run == null)
                    {
                        RunFolder created = RunSetup.CreateRunFolder();
                        created.RemoveIfEmptyAtExit();
                        run = created;
                    }

                    return run;
                }
            }
        }

        /// <summary>The session's variables, with the built-in variables of its run.</summary>
        public TsEnvironment Environment
        {
            get
            {
                lock (sync)
                {
                    if (environment == null)
                    {
                        var created = new TsEnvironment();
                        BuiltInVariables.Set(created, Run, string.Empty, string.Empty);
                        environment = created;
                    }

                    return environment;
                }
            }
        }
    }
}
