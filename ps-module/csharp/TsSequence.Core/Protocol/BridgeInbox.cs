using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using TsSequence.Engine;
using TsSequence.Json;

namespace TsSequence.Protocol
{
    /// <summary>One line from Node as the reader thread left it: parsed, or why it could not be.</summary>
    internal sealed class InboxItem
    {
        internal InboxItem(IDictionary? message, string? unreadable, string? text)
        {
            Message = message;
            Unreadable = unreadable;
            Text = text;
        }

        /// <summary>The message (a JSON object).</summary>
        internal IDictionary? Message { get; }

        /// <summary>Why the line is not JSON; null when it is.</summary>
        internal string? Unreadable { get; }

        /// <summary>The unreadable line's text (to find its request id).</summary>
        internal string? Text { get; }
    }

    /// <summary>
    /// Reads the channel on a thread of its own, so that Node is heard while a request runs: a
    /// <c>cancel</c> is acted on at once (<see cref="BridgeServer"/> stops the running step), end of
    /// input (Node gone) too; a Node step's answer goes straight to the thread waiting for it
    /// (<see cref="Expect"/>), so callbacks from several threads wait side by side; requests wait
    /// in order for the request thread.
    /// The first line must be Node's <c>auth</c> with the session's Node key; anything else ends
    /// the conversation.
    /// </summary>
    internal sealed class BridgeInbox
    {
        private static readonly long SpinTicks = System.Diagnostics.Stopwatch.Frequency / 1000; // 1 ms

        private readonly BlockingCollection<InboxItem> items = new BlockingCollection<InboxItem>();
        private readonly BridgeChannel channel;
        private readonly string nodeKey;
        private readonly Action<IDictionary> onCancel;
        private readonly Action<string> onEnd;

        // The callbacks being waited for, by id; null once the input ended (every waiter was told).
        private Dictionary<string, CallbackWaiter>? waiters = new Dictionary<string, CallbackWaiter>(StringComparer.Ordinal);

        internal BridgeInbox(BridgeChannel channel, string nodeKey, Action<IDictionary> onCancel, Action<string> onEnd)
        {
            this.channel = channel;
            this.nodeKey = nodeKey;
            this.onCancel = onCancel;
            this.onEnd = onEnd;
        }

        internal void Start()
        {
            var thread = new Thread(Read, 1024 * 1024) { IsBackground = true, Name = "tsseq bridge reader" };
            thread.Start();
        }

        /// <summary>Starts waiting for the answer to callback <paramref name="id"/>; call before sending it, <see cref="Forget"/> after.</summary>
        internal CallbackWaiter Expect(string id)
        {
            var waiter = new CallbackWaiter();
            lock (items)
            {
                if (waiters == null)
                {
                    waiter.Complete(null);
                }
                else
                {
                    waiters[id] = waiter;
                }
            }

            return waiter;
        }

        /// <summary>Stops waiting for callback <paramref name="id"/>: a late answer is dropped.</summary>
        internal void Forget(string id)
        {
            lock (items)
            {
                waiters?.Remove(id);
            }
        }

        /// <summary>The next item; null once the input ended. A cancelled token ends the wait with OperationCanceledException.</summary>
        internal InboxItem? Take(CancellationToken cancel)
        {
            // Node usually sends the next request within a fraction of a millisecond of a reply:
            // waiting that long without sleeping spares the request thread a wake-up (tens of µs,
            // far more on a busy machine) per request. Yielding, so Node and the reader get the CPU.
            long spinUntil = System.Diagnostics.Stopwatch.GetTimestamp() + SpinTicks;
            while (System.Diagnostics.Stopwatch.GetTimestamp() < spinUntil && !items.IsCompleted)
            {
                if (items.TryTake(out InboxItem? early))
                {
                    return early;
                }

                Thread.Yield();
            }

            try
            {
                return items.Take(cancel);
            }
            catch (InvalidOperationException)
            {
                return null; // completed: the input ended
            }
        }

        private void Read()
        {
            string reason = "the Node bridge closed the connection";
            try
            {
                if (!Authenticated(out reason))
                {
                    return;
                }

                reason = "the Node bridge closed the connection";
                while (true)
                {
                    ChannelLine? line = channel.ReadLine();
                    if (line == null)
                    {
                        return;
                    }

                    if (line.Value.Length == 0)
                    {
                        continue;
                    }

                    InboxItem item;
                    try
                    {
                        item = new InboxItem(line.Value.Parse() as IDictionary, null, null);
                    }
                    catch (Exception exception)
                    {
                        item = new InboxItem(null, ErrorText.Innermost(exception).Message, line.Value.ToString());
                    }

                    if (item.Message != null && string.Equals(JsonShapeWriter.ToText(item.Message["type"]), "cancel", StringComparison.Ordinal))
                    {
                        onCancel(item.Message);
                        continue;
                    }

                    if (item.Message != null && string.Equals(JsonShapeWriter.ToText(item.Message["type"]), "callbackResult", StringComparison.Ordinal))
                    {
                        Answer(item.Message);
                        continue;
                    }

                    items.Add(item);
                }
            }
            catch (Exception exception) when (exception is IOException || exception is ObjectDisposedException)
            {
                reason = "the bridge connection failed (" + exception.Message + ")";
            }
            finally
            {
                EndWaits();
                items.CompleteAdding();
                onEnd(reason);
            }
        }

        /// <summary>Hands a Node step's answer to its waiter; an answer nobody waits for any more is dropped.</summary>
        private void Answer(IDictionary message)
        {
            string id = JsonShapeWriter.ToText(message["id"]);
            CallbackWaiter? waiter = null;
            lock (items)
            {
                if (waiters != null && waiters.TryGetValue(id, out waiter))
                {
                    waiters.Remove(id);
                }
            }

            waiter?.Complete(message);
        }

        /// <summary>The input ended: every waiter gets null, and later ones at once.</summary>
        private void EndWaits()
        {
            Dictionary<string, CallbackWaiter>? ended;
            lock (items)
            {
                ended = waiters;
                waiters = null;
            }

            if (ended != null)
            {
                foreach (CallbackWaiter waiter in ended.Values)
                {
                    waiter.Complete(null);
                }
            }
        }

        /// <summary>Node's first line: <c>{"type":"auth","key":…}</c> with the session's Node key.</summary>
        private bool Authenticated(out string reason)
        {
            reason = "the peer on the bridge socket did not authenticate as the Node bridge";
            ChannelLine? line = channel.ReadLine();
            if (line == null)
            {
                reason = "the Node bridge closed the connection before authenticating";
                return false;
            }

            IDictionary? message;
            try
            {
                message = line.Value.Parse() as IDictionary;
            }
            catch (Exception)
            {
                return false;
            }

            if (message == null || !string.Equals(JsonShapeWriter.ToText(message["type"]), "auth", StringComparison.Ordinal)
                || !BridgeKeys.SameKey(message["key"] as string, nodeKey))
            {
                return false;
            }

            if (message["maxMessageBytes"] is int limit && limit > 0)
            {
                channel.MaxMessageBytes = limit;
            }

            return true;
        }
    }
}
