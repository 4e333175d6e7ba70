// Drives the engine from Node and mixes in a step implemented in Node.
// Run after `npm run build`: node examples/node-step.mjs
import { Engine } from '../dist/src/index.js';

const engine = await Engine.start({ engine: 'auto', onOutput: (stream, text) => process.stderr.write(text) });
try {
  console.log(`engine: PowerShell ${engine.info.psVersion} (${engine.info.psEdition}), module ${engine.info.moduleVersion}`);

  // A "type": "Node" step names its handler; the handler sees and changes the sequence's variables.
  engine.registerStep('notify', async (parameters, ctx) => {
    const message = `${ctx.variables.get('Greeting')} → ${parameters.channel}`;
    ctx.variables.set('Notified', message);
    return { message };
  });

  const result = await engine.runSequence(
    {
      name: 'Mixed languages',
      variables: { Audience: 'ops' },
      steps: [
        { type: 'SetTaskSequenceVariable', name: 'Greeting', variableName: 'Greeting', variableValue: 'Hello, %Audience%' },
        { type: 'Node', name: 'Notify', handler: 'notify', parameters: { channel: '#deployments' } },
        { type: 'RunPowerShellScript', name: 'Read it back', sourceScript: "$tsenv.Value('Echo') = $tsenv.Value('Notified')" },
      ],
    },
    { onEvent: (event) => event.kind === 'stepStarted' && console.log(`started ${event.path}`) },
  );
  console.log(result.status, result.variables.Echo);

  // One step on its own, with the variables it should see.
  const step = await engine.invokeStep(
    { type: 'RunCommandLine', name: 'Hi', commandLine: 'echo hi %Name%', outputVariableName: 'Out' },
    { variables: { Name: 'there' } },
  );
  console.log(step.status, JSON.stringify(step.variables.Out));
} finally {
  await engine.close();
}
