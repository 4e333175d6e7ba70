using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.ExceptionServices;

namespace TsSequence
{
    /// <summary>
    /// Creates folders only their owner can use. On Unix every folder this creates (the missing
    /// parents too) gets mode 0700 at creation (less the umask), so there is no moment when
    /// others can look in; folders that exist already are left as they are.
    /// On Windows the folder inherits the ACL of its parent: under %LOCALAPPDATA% that is the
    /// user, SYSTEM and Administrators, the profile's own protection (no explicit owner-only ACL:
    /// the netstandard2.0 build has no ACL API without an extra package).
    /// </summary>
    public static class PrivateDirectory
    {
        // Directory.CreateDirectory(string, UnixFileMode) exists from .NET 7 (PowerShell 7.4+);
        // the netstandard2.0 build cannot name it, so it is found once by reflection.
        private static readonly MethodInfo? CreateWithMode = FindCreateWithMode();

        private const int OwnerOnly = 448; // 0700: UserRead | UserWrite | UserExecute

        /// <summary>Creates <paramref name="path"/> and its missing parents, private to the user.</summary>
        /// <exception cref="PlatformNotSupportedException">Unix on a .NET without UnixFileMode.</exception>
        public static void Create(string path)
        {
            if (Platform.IsWindows)
            {
                Directory.CreateDirectory(path);
                return;
            }

            if (CreateWithMode is null)
            {
                throw new PlatformNotSupportedException("Cannot create a private folder on this runtime: it lacks Directory.CreateDirectory(path, UnixFileMode) (.NET 7 or later, PowerShell 7.4 or later).");
            }

            // .NET gives the mode to the last folder only: create the missing parents one by one,
            // outermost first, so each gets 0700 (as XDG asks of the folders it creates).
            var missing = new Stack<string>();
            for (string? folder = Path.GetFullPath(path); !string.IsNullOrEmpty(folder) && !Directory.Exists(folder); folder = Path.GetDirectoryName(folder))
            {
                missing.Push(folder!);
            }

            object mode = Enum.ToObject(CreateWithMode.GetParameters()[1].ParameterType, OwnerOnly);
            foreach (string folder in missing)
            {
                try
                {
                    CreateWithMode.Invoke(null, new[] { folder, mode });
                }
                catch (TargetInvocationException invocation) when (invocation.InnerException != null)
                {
                    ExceptionDispatchInfo.Capture(invocation.InnerException).Throw();
                }
            }
        }

        private static MethodInfo? FindCreateWithMode()
        {
            Type? mode = typeof(File).Assembly.GetType("System.IO.UnixFileMode");
            return mode is null ? null : typeof(Directory).GetMethod("CreateDirectory", new[] { typeof(string), mode });
        }
    }
}
