using System;
using System.Collections.Specialized;
using System.Threading.Tasks;
using TsSequence.Engine;
using TsSequence.Engine.Hosts;
using TsSequence.Json;

namespace TsSequence.Protocol
{
    /// <summary>
    /// What the first request would otherwise pay for, done on another thread while Node and the
    /// engine connect: the session's run folder, the machine facts of the built-in variables, and
    /// one cheap step through the validator, the walker and the JSON codec in a throwaway
    /// environment (nothing of it is kept or sent). The first request waits for nothing it does not need.
    /// </summary>
    internal static class EngineWarmUp
    {
        private const string Request = "{\"type\":\"request\",\"id\":0,\"method\":\"invokeStep\",\"params\":{\"step\":{\"type\":\"SetTaskSequenceVariable\",\"name\":\"Warm-up\",\"variableName\":\"V\",\"variableValue\":\"%In%\"},\"variables\":{\"In\":\"x\"},\"events\":false}}";

        internal static void Start(EngineSession session)
        {
            Task.Run(() =>
            {
                try
                {
                    var request = (System.Collections.IDictionary)JsonCodec.Parse(Request)!;
                    var parameters = (System.Collections.IDictionary)request["params"]!;
                    OrderedDictionary? result = StepRun.Run(parameters["step"], session, (System.Collections.IDictionary)parameters["variables"]!, null, null, SilentRunHost.Instance, null, null);
                    JsonCodec.Serialize(result);
                }
                catch (Exception)
                {
                    // Warming is an optimisation: a real request reports any problem itself.
                }
            });
        }
    }
}
