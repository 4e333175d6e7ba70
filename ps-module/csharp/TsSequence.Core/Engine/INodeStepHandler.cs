using System.Collections;
using System.Collections.Specialized;

namespace TsSequence.Engine
{
    /// <summary>
    /// Runs a Node step (type "Node") in the Node process that started the run: the call is
    /// {handler, parameters, variables, path}; the answer {variables, exitCode, message}.
    /// </summary>
    public interface INodeStepHandler
    {
        /// <summary>Calls the handler and waits for its answer; throws with the handler's error.</summary>
        IDictionary? Invoke(OrderedDictionary call);
    }
}
