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

        /// <summary>
        /// Refuses a folder that another user could change under us: a symbolic link, or (Unix) one
        /// that grants write to group or others, where someone could swap a run folder for a link
        /// to a place they read. Windows folders are left to their ACLs.
        /// </summary>
        /// <exception cref="IOException">The folder is not private, naming it and the fix.</exception>
        public static void AssertPrivate(string path)
        {
            if (Platform.IsWindows)
            {
                return;
            }

            var info = new DirectoryInfo(path);
            if ((info.Attributes & FileAttributes.ReparsePoint) != 0)
            {
                throw new IOException("'" + path + "' is a symbolic link: tsseq keeps run folders only in real folders private to you. Replace it with a folder (mkdir -m 700), or set XDG_DATA_HOME elsewhere.");
            }

            if (GetMode is null)
            {
                return;
            }

            int mode = Convert.ToInt32(GetMode.Invoke(null, new object[] { path }), System.Globalization.CultureInfo.InvariantCulture);
            if ((mode & GroupOrOthersWrite) != 0)
            {
                string octal = Convert.ToString(mode & 511, 8);
                throw new IOException("'" + path + "' can be changed by other users (mode " + octal + "): tsseq keeps run folders only where no one else can replace them. Make it private (chmod 700 '" + path + "'), or set XDG_DATA_HOME elsewhere.");
            }
        }

        /// <summary>
        /// Makes a folder that holds a run's state private: created 0700 when missing (on Windows
        /// given an owner-only ACL), then checked with <see cref="AssertOwnerOnly"/>.
        /// </summary>
        public static void CreateOwnerOnly(string path)
        {
            if (!Directory.Exists(path))
            {
                Create(path);
                if (Platform.IsWindows)
                {
                    WindowsAcl.MakeOwnerOnly(path);
                }
            }

            AssertOwnerOnly(path);
        }

        /// <summary>
        /// Refuses a state folder others could read or change (Unix): a symbolic link, one with
        /// any group or other permission, or one owned by another user. A folder an earlier run
        /// made with <see cref="CreateOwnerOnly"/> passes. Windows folders keep the ACL given at creation.
        /// </summary>
        /// <exception cref="IOException">The folder is not private, naming it and the fix.</exception>
        public static void AssertOwnerOnly(string path)
        {
            if (Platform.IsWindows)
            {
                return;
            }

            var info = new DirectoryInfo(path);
            if ((info.Attributes & FileAttributes.ReparsePoint) != 0)
            {
                throw new IOException("The state folder '" + path + "' is a symbolic link: give a real folder private to you (mkdir -m 700).");
            }

            uint? owner = UnixFiles.OwnerOf(path);
            uint? user = UnixFiles.EffectiveUser();
            if (owner != null && user != null && owner != user)
            {
                throw new IOException("The state folder '" + path + "' belongs to another user (uid " + owner + "): a run keeps its state only in a folder of its own user. Give a folder you own.");
            }

            if (GetMode != null)
            {
                int mode = Convert.ToInt32(GetMode.Invoke(null, new object[] { path }), System.Globalization.CultureInfo.InvariantCulture);
                if ((mode & GroupOrOthersAny) != 0)
                {
                    throw new IOException("The state folder '" + path + "' is not private (mode " + Convert.ToString(mode & 511, 8) + "): the saved state holds the run's variables. Make it private (chmod 700 '" + path + "') or give another folder.");
                }
            }
        }

        private const int GroupOrOthersAny = 63; // 0077

        private const int GroupOrOthersWrite = 18; // 0022

        // File.GetUnixFileMode(string) exists from .NET 7, like CreateDirectory(path, mode).
        private static readonly MethodInfo? GetMode = typeof(File).GetMethod("GetUnixFileMode", new[] { typeof(string) });

        private static MethodInfo? FindCreateWithMode()
        {
            Type? mode = typeof(File).Assembly.GetType("System.IO.UnixFileMode");
            return mode is null ? null : typeof(Directory).GetMethod("CreateDirectory", new[] { typeof(string), mode });
        }
    }
}
