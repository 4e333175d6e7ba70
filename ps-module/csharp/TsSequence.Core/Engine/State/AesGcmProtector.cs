using System;
using System.IO;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Security.Cryptography;

namespace TsSequence.Engine.State
{
    /// <summary>
    /// AES-256-GCM with the run's key in <c>state.key</c> (32 random bytes, mode 0600) beside the
    /// state: nonce (12 bytes) | tag (16) | ciphertext. The Unix engine always runs on .NET 8 or
    /// later, where System.Security.Cryptography.AesGcm exists; the netstandard2.0 build cannot
    /// name it, so it is bound once by reflection here.
    /// </summary>
    internal sealed class AesGcmProtector : SecretProtector
    {
        /// <summary>The key file's name in the state folder.</summary>
        internal const string KeyFileName = "state.key";

        private static readonly Lazy<Binding> Bound = new Lazy<Binding>(Binding.Find);

        private readonly object cipher;

        private AesGcmProtector(byte[] key)
        {
            Binding binding = Bound.Value;
            cipher = binding.Create(key);
        }

        /// <summary>The protector of <paramref name="stateFolder"/>: its key, made (with <paramref name="create"/>) when missing.</summary>
        internal static AesGcmProtector Open(string stateFolder, bool create)
        {
            string path = Path.Combine(stateFolder, KeyFileName);
            if (!File.Exists(path) && create)
            {
                var fresh = new byte[32];
                using (var random = RandomNumberGenerator.Create())
                {
                    random.GetBytes(fresh);
                }

                // CreateNew: never reuse or overwrite a key; 0600 before the key is in the file.
                using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
                {
                    UnixFiles.MakeOwnerOnly(path);
                    stream.Write(fresh, 0, fresh.Length);
                    stream.Flush(true);
                }
            }

            if (!File.Exists(path))
            {
                throw StateException.Invalid(path, "the key of the saved secrets is missing");
            }

            byte[] key = File.ReadAllBytes(path);
            if (key.Length != 32)
            {
                throw StateException.Invalid(path, $"the key of the saved secrets must be 32 bytes; it is {key.Length}");
            }

            return new AesGcmProtector(key);
        }

        internal override byte[] Protect(byte[] plain)
        {
            var output = new byte[28 + plain.Length];
            var nonce = new byte[12];
            using (var random = RandomNumberGenerator.Create())
            {
                random.GetBytes(nonce);
            }

            var tag = new byte[16];
            var sealedText = new byte[plain.Length];
            Bound.Value.Invoke(Bound.Value.Encrypt, cipher, nonce, plain, sealedText, tag);
            Buffer.BlockCopy(nonce, 0, output, 0, 12);
            Buffer.BlockCopy(tag, 0, output, 12, 16);
            Buffer.BlockCopy(sealedText, 0, output, 28, sealedText.Length);
            return output;
        }

        internal override byte[] Unprotect(byte[] data)
        {
            if (data.Length < 28)
            {
                throw new CryptographicException("The protected value is too short.");
            }

            var nonce = new byte[12];
            var tag = new byte[16];
            var sealedText = new byte[data.Length - 28];
            Buffer.BlockCopy(data, 0, nonce, 0, 12);
            Buffer.BlockCopy(data, 12, tag, 0, 16);
            Buffer.BlockCopy(data, 28, sealedText, 0, sealedText.Length);
            var plain = new byte[sealedText.Length];
            Bound.Value.Invoke(Bound.Value.Decrypt, cipher, nonce, sealedText, tag, plain);
            return plain;
        }

        /// <summary>AesGcm's constructor and its Encrypt / Decrypt (byte[] overloads), found once.</summary>
        private sealed class Binding
        {
            private ConstructorInfo constructor = null!;

            internal MethodInfo Encrypt { get; private set; } = null!;

            internal MethodInfo Decrypt { get; private set; } = null!;

            internal static Binding Find()
            {
                Type? type = Type.GetType("System.Security.Cryptography.AesGcm, System.Security.Cryptography")
                    ?? Type.GetType("System.Security.Cryptography.AesGcm, System.Security.Cryptography.Algorithms");
                if (type == null)
                {
                    throw new PlatformNotSupportedException("Saving secrets needs System.Security.Cryptography.AesGcm (.NET 5 or later; PowerShell 7.4 or later).");
                }

                var bytes = typeof(byte[]);
                ConstructorInfo? constructor = type.GetConstructor(new[] { bytes, typeof(int) }) ?? type.GetConstructor(new[] { bytes });
                MethodInfo? encrypt = type.GetMethod("Encrypt", new[] { bytes, bytes, bytes, bytes, bytes });
                MethodInfo? decrypt = type.GetMethod("Decrypt", new[] { bytes, bytes, bytes, bytes, bytes });
                if (constructor == null || encrypt == null || decrypt == null)
                {
                    throw new PlatformNotSupportedException("This runtime's AesGcm lacks the byte[] constructor, Encrypt or Decrypt.");
                }

                return new Binding { constructor = constructor, Encrypt = encrypt, Decrypt = decrypt };
            }

            internal object Create(byte[] key) =>
                constructor.GetParameters().Length == 2 ? constructor.Invoke(new object[] { key, 16 }) : constructor.Invoke(new object[] { key });

            internal void Invoke(MethodInfo method, object target, byte[] a, byte[] b, byte[] c, byte[] d)
            {
                try
                {
                    method.Invoke(target, new object?[] { a, b, c, d, null });
                }
                catch (TargetInvocationException invocation) when (invocation.InnerException != null)
                {
                    ExceptionDispatchInfo.Capture(invocation.InnerException).Throw();
                }
            }
        }
    }
}
